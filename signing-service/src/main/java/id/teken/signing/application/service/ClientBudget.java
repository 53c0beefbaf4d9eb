package id.teken.signing.application.service;

import id.teken.signing.application.SigningSettings;
import id.teken.signing.application.port.out.AdminAudit;
import id.teken.signing.application.port.out.ClientFailures;
import id.teken.signing.application.port.out.SigningEvents;
import id.teken.signing.application.port.out.SystemClients;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.SystemClient;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A system client's failure budget: failures it causes (wrong passphrases, locks, signers out of its scope or unknown)
 * are counted; past {@code throttle} in the last hour it is refused for a while (429); past {@code disable} in a day it is
 * turned off, audited and announced (registration-service mails the ADMINs). One credential must not become a passphrase
 * guessing oracle for the whole tenant.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ClientBudget {

    static final Set<ErrorCode> CHARGED = Set.of(ErrorCode.PASSPHRASE_WRONG, ErrorCode.TOTP_WRONG, ErrorCode.CREDENTIAL_LOCKED, ErrorCode.CLIENT_SCOPE,
            ErrorCode.NOT_REGISTERED, ErrorCode.SIGNER_AMBIGUOUS,
            ErrorCode.SEAL_NOT_FOUND, ErrorCode.SEAL_NOT_ACTIVATED);
    static final Duration THROTTLE_WINDOW = Duration.ofHours(1);
    static final Duration DISABLE_WINDOW = Duration.ofDays(1);

    private final ClientFailures failures;
    private final SystemClients clients;
    private final SigningEvents events;
    private final AdminAudit audit;
    private final SigningSettings settings;
    private final Clock clock;

    /** Refuses (CLIENT_THROTTLED with the wait) a client that spent its hourly budget. */
    public void checkMaySign(SystemClient client) {
        Instant now = clock.instant();
        Instant since = now.minus(THROTTLE_WINDOW);
        if (failures.countSince(client.username(), since) >= settings.clientFailureThrottle()) {
            Instant eases = failures.oldestSince(client.username(), since).orElse(now).plus(THROTTLE_WINDOW);
            throw new DomainException(ErrorCode.CLIENT_THROTTLED, "Terlalu banyak permintaan gagal dari aplikasi ini "
                    + "(passphrase salah atau penanda tangan tidak dikenal). Coba lagi nanti.",
                    Duration.between(now, eases).plusSeconds(1));
        }
    }

    /** Counts a failure the client caused, in the caller's transaction; turns the client off when the daily budget is spent. */
    public void charge(SystemClient client, ErrorCode code) {
        if (!CHARGED.contains(code)) {
            return;
        }
        Instant now = clock.instant();
        failures.record(client.username(), code.name(), now);
        long today = failures.countSince(client.username(), now.minus(DISABLE_WINDOW));
        if (today >= settings.clientFailureDisable()) {
            String reason = "failure budget spent: " + today + " failures in 24 h";
            if (clients.disable(client.username(), reason, now)) {
                audit.record(new AdminAudit.Entry(now, "system", "AUTO_DISABLE", client.username(), reason));
                events.clientDisabled(client.username(), reason, today, now);
            }
        }
    }
}
