package id.teken.certificate.application.service;

import id.teken.certificate.application.port.out.KeyCustody;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signature authorizations (SAD) held in this process only: each one an opened key for a number of signatures by one
 * NIP and channel, for seconds. Use is atomic per SAD (two calls cannot both take the last signature); an expired or
 * used-up one is dropped, and its key with it. At most {@link #MAX_OPEN} are open at once (each holds a key in memory);
 * past that a new authorization is refused as busy. After a restart none exist (signing-service then checks the
 * passphrase with the signature).
 */
public class SignatureAuthorizations {

    static final int MAX_OPEN = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One open authorization. */
    record Grant(UUID credentialId, String nip, String channel, KeyCustody.Unlocked key, int remaining, Instant until) {
    }

    private final Map<String, Grant> open = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    /** Made by the configuration (teken.signing.authorization-lifetime). */
    public SignatureAuthorizations(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new SAD for the opened key. */
    String grant(UUID credentialId, String nip, String channel, KeyCustody.Unlocked key, int signatures) {
        Instant now = clock.instant();
        if (open.size() >= MAX_OPEN) {
            sweep(now);
            if (open.size() >= MAX_OPEN) {
                key.destroy();
                throw new DomainException(ErrorCode.CREDENTIAL_BUSY, "Terlalu banyak otorisasi tanda tangan terbuka. Coba lagi sebentar lagi.",
                        Duration.ofSeconds(2));
            }
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String sad = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        open.put(sad, new Grant(credentialId, nip, channel, key, signatures, now.plus(lifetime)));
        return sad;
    }

    Instant expiry(String sad) {
        Grant g = open.get(sad);
        return g == null ? clock.instant() : g.until();
    }

    /**
     * Takes {@code count} signatures of the SAD for the NIP and channel (atomically); the grant as it was, or empty when it
     * is unknown, expired, someone else's or has fewer left. A grant used up is removed; its key is the caller's to use
     * once more and then destroy ({@link #release}).
     */
    Optional<Grant> take(String sad, String nip, String channel, int count) {
        Instant now = clock.instant();
        Grant[] taken = new Grant[1];
        open.computeIfPresent(sad, (k, g) -> {
            if (!now.isBefore(g.until())) {
                g.key().destroy();
                return null;
            }
            if (!g.nip().equals(nip) || !g.channel().equals(channel) || g.remaining() < count) {
                return g;
            }
            taken[0] = g;
            int left = g.remaining() - count;
            return left == 0 ? null : new Grant(g.credentialId(), g.nip(), g.channel(), g.key(), left, g.until());
        });
        return Optional.ofNullable(taken[0]);
    }

    /** After signing with a grant: its key is destroyed when nothing is left of it. */
    void release(Grant grant, String sad) {
        if (!open.containsKey(sad)) {
            grant.key().destroy();
        }
    }

    void revoke(String sad) {
        Grant g = open.remove(sad);
        if (g != null) {
            g.key().destroy();
        }
    }

    int openCount() {
        return open.size();
    }

    /** Drops the expired ones (their keys with them); run every few seconds. */
    public void sweep() {
        sweep(clock.instant());
    }

    private void sweep(Instant now) {
        open.entrySet().removeIf(e -> {
            if (!now.isBefore(e.getValue().until())) {
                e.getValue().key().destroy();
                return true;
            }
            return false;
        });
    }
}
