package id.teken.signing.adapter.out.pades;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * CRL and certificate GETs answered from memory when fetched recently: signatures and validations do not wait for the
 * same CRL again and again. A CRL is kept until its nextUpdate (five minutes at most), a certificate five minutes; an
 * answer that is neither (an error page) is not kept. Bounded: past 500 addresses it starts again.
 */
final class PkiFetchCache {

    /** How long a fetched CRL or CA certificate is reused at most. */
    static final Duration AT_MOST = Duration.ofMinutes(5);

    private record Fetched(byte[] body, Instant until) {
    }

    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();

    byte[] get(String url, Function<String, byte[]> fetch) {
        Instant now = Instant.now();
        Fetched hit = fetched.get(url);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.body();
        }
        byte[] body = fetch.apply(url);
        Instant until = keepUntil(body, now);
        if (until != null) {
            if (fetched.size() > 500) {
                fetched.clear();
            }
            fetched.put(url, new Fetched(body, until));
        }
        return body;
    }

    private static Instant keepUntil(byte[] body, Instant now) {
        Instant most = now.plus(AT_MOST);
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
            Instant next = crl.getNextUpdate() == null ? now.plusSeconds(60) : crl.getNextUpdate().toInstant();
            return next.isBefore(most) ? next : most;
        } catch (Exception notCrl) {
            try {
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(body));
                return most;
            } catch (Exception notCertificate) {
                return null;
            }
        }
    }
}
