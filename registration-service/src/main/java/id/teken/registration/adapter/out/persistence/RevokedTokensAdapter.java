package id.teken.registration.adapter.out.persistence;

import id.teken.events.Topics;
import id.teken.events.registration.AccessTokenRevoked;
import id.teken.kit.outbox.Outbox;
import id.teken.kit.token.RevokedAccessTokens;
import id.teken.registration.application.port.out.RevokedTokens;
import id.teken.registration.domain.Nip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/** revoked_access_token in PostgreSQL (the id is the key: a second revocation inserts nothing), the event in the outbox. */
@ApplicationScoped
public class RevokedTokensAdapter implements RevokedTokens {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    RevokedAccessTokens local;

    @Override
    public boolean record(String tokenId, Nip nip, Instant expiresAt, Instant revokedAt) {
        return entityManager.createNativeQuery("INSERT INTO revoked_access_token (token_id, nip, expires_at, revoked_at) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (token_id) DO NOTHING")
                .setParameter(1, tokenId).setParameter(2, nip.value()).setParameter(3, expiresAt).setParameter(4, revokedAt)
                .executeUpdate() == 1;
    }

    @Override
    public void announce(String tokenId, Nip nip, Instant expiresAt, Instant revokedAt) {
        outbox.append(Topics.ACCESS_TOKEN_REVOKED, tokenId, new AccessTokenRevoked(tokenId, nip.value(), expiresAt, revokedAt));
        local.revoke(tokenId, expiresAt);
    }

    @Override
    public int forgetExpired(Instant now) {
        return entityManager.createNativeQuery("DELETE FROM revoked_access_token WHERE expires_at < ?1").setParameter(1, now)
                .executeUpdate();
    }
}
