package id.teken.signing.application.service;

import id.teken.signing.application.port.out.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signer certificates certificate-service gave recently (active and unlocked ones only, per signer and channel, for
 * a minute), so that a signer's next signature starts preparing its PDF at once instead of asking again. Nothing here
 * decides anything: certificate-service checks status and lock again when it checks the passphrase, and hands back the
 * serial it signs with; a signature prepared for another serial is prepared again (see SignDocumentService). Certificate
 * events drop a signer's entries early.
 */
@ApplicationScoped
public class RecentSignerCertificates {

    static final Duration KEEP = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(SigningKeys.SignerCertificate certificate, long until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    CompletableFuture<SigningKeys.SignerCertificate> lookUp(SigningKeys keys, String nip, String channel) {
        String key = key(nip, channel);
        Entry entry = entries.get(key);
        if (entry != null && System.nanoTime() - entry.until() < 0) {
            return CompletableFuture.completedFuture(entry.certificate());
        }
        return keys.signerCertificateAsync(nip, channel).thenApply(certificate -> {
            if (certificate.status().signs() && !certificate.locked()) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(key, new Entry(certificate, System.nanoTime() + KEEP.toNanos()));
            } else {
                entries.remove(key);
            }
            return certificate;
        });
    }

    /** A signer's certificate changed (issued, revoked, suspended, reinstated, expired) or was refused: ask again next time. */
    public void forget(String nip) {
        entries.keySet().removeIf(k -> k.startsWith(nip + "|"));
    }

    private static String key(String nip, String channel) {
        return nip + "|" + (channel == null ? "owner" : channel);
    }
}
