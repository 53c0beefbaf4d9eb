package id.teken.registration.application.service;

import id.teken.registration.application.port.in.RevokeAccessTokenUseCase;
import id.teken.registration.application.port.out.RevokedTokens;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Instant;

/** Access-token revocation: recorded and announced in one transaction; a token expired already needs none. */
@ApplicationScoped
@RequiredArgsConstructor
public class TokenRevocationService implements RevokeAccessTokenUseCase {

    private final RevokedTokens revoked;
    private final Clock clock;

    @Override
    @Transactional
    public void revoke(RevokeCommand command) {
        if (command.tokenId() == null || command.tokenId().isBlank() || command.tokenId().length() > 100 || command.nip() == null
                || command.expiresAt() == null) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Token tanpa id atau masa berlaku tidak dapat dicabut.");
        }
        Instant now = clock.instant();
        if (!command.expiresAt().isAfter(now)) {
            return;   // it works nowhere already
        }
        revoked.forgetExpired(now);
        if (revoked.record(command.tokenId(), command.nip(), command.expiresAt(), now)) {
            revoked.announce(command.tokenId(), command.nip(), command.expiresAt(), now);
        }
    }
}
