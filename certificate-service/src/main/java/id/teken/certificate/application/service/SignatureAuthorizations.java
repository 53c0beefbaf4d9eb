package id.teken.certificate.application.service;

import id.teken.certificate.application.port.out.KeyCustody;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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

    /** One open authorization; {@code hashes} (base64), when not empty, are the digests it may still sign, each once. */
    record Grant(UUID credentialId, String nip, String channel, KeyCustody.Unlocked key, int remaining, Instant until,
                 List<String> hashes) {
        Grant(UUID credentialId, String nip, String channel, KeyCustody.Unlocked key, int remaining, Instant until) {
            this(credentialId, nip, channel, key, remaining, until, List.of());
        }
    }

    private final Map<String, Grant> open = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Duration maxLifetime;
    private final Clock clock;

    /** Made by the configuration (teken.signing.authorization-lifetime). */
    public SignatureAuthorizations(Duration lifetime, Clock clock) {
        this(lifetime, lifetime, clock);
    }

    /** A caller may ask for a life up to {@code maxLifetime} (teken.signing.max-authorization-lifetime). */
    public SignatureAuthorizations(Duration lifetime, Duration maxLifetime, Clock clock) {
        this.lifetime = lifetime;
        this.maxLifetime = maxLifetime.compareTo(lifetime) < 0 ? lifetime : maxLifetime;
        this.clock = clock;
    }

    /** A new SAD for the opened key. */
    String grant(UUID credentialId, String nip, String channel, KeyCustody.Unlocked key, int signatures) {
        return grant(credentialId, nip, channel, key, signatures, List.of(), null);
    }

    /**
     * A new SAD for the opened key, bound to {@code hashes} when there are any (each signed once), living {@code life}
     * (null: the default; never more than the maximum).
     */
    String grant(UUID credentialId, String nip, String channel, KeyCustody.Unlocked key, int signatures, List<byte[]> hashes,
                 Duration life) {
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
        Duration granted = life == null ? lifetime : life.compareTo(maxLifetime) > 0 ? maxLifetime : life;
        open.put(sad, new Grant(credentialId, nip, channel, key, signatures, now.plus(granted),
                hashes.stream().map(Base64.getEncoder()::encodeToString).toList()));
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
        return take(sad, nip, channel, count, List.of(), false);
    }

    /**
     * {@link #take(String, String, String, int)} for these digests: a SAD bound to hashes gives them only when every one is
     * among those it may still sign (each is then used up).
     */
    Optional<Grant> take(String sad, String nip, String channel, List<byte[]> digests) {
        return take(sad, nip, channel, digests.size(), digests, false);
    }

    /** With {@code boundOnly}, a SAD granted for a number of signatures (not bound to hashes) gives nothing. */
    Optional<Grant> take(String sad, String nip, String channel, List<byte[]> digests, boolean boundOnly) {
        return take(sad, nip, channel, digests.size(), digests, boundOnly);
    }

    private Optional<Grant> take(String sad, String nip, String channel, int count, List<byte[]> digests, boolean boundOnly) {
        Instant now = clock.instant();
        Grant[] taken = new Grant[1];
        open.computeIfPresent(sad, (k, g) -> {
            if (!now.isBefore(g.until())) {
                g.key().destroy();
                return null;
            }
            if (!g.nip().equals(nip) || !g.channel().equals(channel) || g.remaining() < count || boundOnly && g.hashes().isEmpty()) {
                return g;
            }
            List<String> hashesLeft = g.hashes();
            if (!hashesLeft.isEmpty()) {
                List<String> remaining = new java.util.ArrayList<>(hashesLeft);
                for (byte[] d : digests) {
                    if (!remaining.remove(Base64.getEncoder().encodeToString(d))) {
                        return g;   // a digest it was not authorized for: nothing is taken
                    }
                }
                hashesLeft = List.copyOf(remaining);
            }
            taken[0] = g;
            int left = g.remaining() - count;
            return left == 0 ? null : new Grant(g.credentialId(), g.nip(), g.channel(), g.key(), left, g.until(), hashesLeft);
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
