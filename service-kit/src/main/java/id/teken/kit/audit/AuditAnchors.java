package id.teken.kit.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time-stamps the audit chain's head with Teken's TSA (RFC 3161) whenever it moved, every
 * {@code teken.audit.anchor-interval}: table {@code teken_audit_anchor} keeps the TSA's reply for that entry. An anchor
 * proves the chain up to that entry existed at that time, and that entries after the last one were not cut off
 * ({@link AuditChain#verify()}); {@code openssl ts -verify} checks a reply against Teken's root on its own.
 */
@ApplicationScoped
public class AuditAnchors {

    private static final Logger LOG = Logger.getLogger(AuditAnchors.class);
    /** DER of AlgorithmIdentifier { id-sha256, NULL }. */
    private static final byte[] SHA256_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04,
            0x02, 0x01, 0x05, 0x00};

    @Inject
    AuditChain chain;

    @Inject
    AuditSettings settings;

    @Inject
    EntityManager entityManager;

    private final SecureRandom random = new SecureRandom();
    private volatile HttpClient http;
    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event) {
        if (settings.tsaUrl().filter(u -> !u.isBlank()).isEmpty()) {
            return;
        }
        long every = Math.max(1, settings.anchorInterval().toSeconds());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "teken-audit-anchor");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                anchorHead();
            } catch (RuntimeException e) {
                LOG.warnf("Audit head not time-stamped this time: %s", e.getMessage());
            }
        }, every, every, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Time-stamps the head if it is not yet; returns the anchored position, or empty when there is nothing new. */
    public Optional<Long> anchorHead() {
        return anchorHead(settings.tsaUrl().filter(u -> !u.isBlank())
                .orElseThrow(() -> new IllegalStateException("teken.audit.tsa-url is not set")));
    }

    /** The same with the TSA at {@code tsa}. */
    public Optional<Long> anchorHead(String tsa) {
        Optional<AuditChain.Entry> head = chain.head();
        if (head.isEmpty() || anchoredUpTo() >= head.get().seq()) {
            return Optional.empty();
        }
        AuditChain.Entry entry = head.get();
        byte[] reply = requestTimestamp(tsa, entry.hash());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO teken_audit_anchor (seq, head_hash, tsa_reply, anchored_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (seq) DO NOTHING""")
                .setParameter(1, entry.seq()).setParameter(2, entry.hash()).setParameter(3, reply)
                .setParameter(4, Timestamp.from(Instant.now())).executeUpdate());
        return Optional.of(entry.seq());
    }

    private long anchoredUpTo() {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT COALESCE(MAX(seq), 0) FROM teken_audit_anchor").getSingleResult()).longValue());
    }

    /** The TSA's reply (TimeStampResp, DER) to a request over {@code digest}; refused unless its status is granted. */
    byte[] requestTimestamp(String tsa, byte[] digest) {
        try {
            HttpResponse<byte[]> r = client().send(HttpRequest.newBuilder(URI.create(tsa)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(timestampRequest(digest))).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || !granted(r.body())) {
                throw new IllegalStateException("the TSA answered " + r.statusCode() + " without a granted time-stamp");
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the TSA could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .sslContext(id.teken.kit.tls.InternalTls.context(settings.internalCa())).build();
        }
        return http;
    }

    /** TimeStampReq { v1, MessageImprint { sha256, digest }, nonce, certReq TRUE } in DER (RFC 3161 2.4.1). */
    byte[] timestampRequest(byte[] digest) {
        ByteArrayOutputStream imprint = new ByteArrayOutputStream();
        imprint.writeBytes(SHA256_ALGORITHM);
        imprint.write(0x04);
        imprint.write(digest.length);
        imprint.writeBytes(digest);
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        nonce[0] = (byte) ((nonce[0] & 0x7f) | 0x01);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x01});
        body.write(0x30);
        body.write(imprint.size());
        body.writeBytes(imprint.toByteArray());
        body.writeBytes(new byte[] {0x02, 0x08});
        body.writeBytes(nonce);
        body.writeBytes(new byte[] {0x01, 0x01, (byte) 0xff});
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.write(0x30);
        req.write(body.size());
        req.writeBytes(body.toByteArray());
        return req.toByteArray();
    }

    /** TimeStampResp starts with SEQUENCE { PKIStatusInfo SEQUENCE { status INTEGER 0 (granted) or 1 (with mods) ... */
    static boolean granted(byte[] der) {
        int i = skipHeader(der, 0);
        if (i < 0 || i >= der.length || der[i] != 0x30) {
            return false;
        }
        int j = skipHeader(der, i);
        return j > 0 && j + 2 < der.length && der[j] == 0x02 && der[j + 1] == 0x01 && (der[j + 2] == 0 || der[j + 2] == 1);
    }

    /** The index after the tag and length at {@code at}, or -1. */
    private static int skipHeader(byte[] der, int at) {
        if (at + 2 > der.length) {
            return -1;
        }
        int len = der[at + 1] & 0xff;
        if (len < 0x80) {
            return at + 2;
        }
        int n = len & 0x7f;
        return n > 4 || at + 2 + n > der.length ? -1 : at + 2 + n;
    }
}
