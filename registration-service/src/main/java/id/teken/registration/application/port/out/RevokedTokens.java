package id.teken.registration.application.port.out;

import id.teken.registration.domain.Nip;

import java.time.Instant;

/** The record of revoked access tokens (until they would have expired), and the announcement of each. */
public interface RevokedTokens {

    /** Records the revocation; false when it was recorded before (nothing is announced again). */
    boolean record(String tokenId, Nip nip, Instant expiresAt, Instant revokedAt);

    /** Announces it with the record (outbox), and tells this service's own list at once. */
    void announce(String tokenId, Nip nip, Instant expiresAt, Instant revokedAt);

    /** Forgets revocations whose tokens have expired by now; how many. */
    int forgetExpired(Instant now);
}
