package id.teken.kit.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The service's tamper-evident audit trail (table {@code teken_audit_chain}): append-only entries, each carrying the
 * SHA-256 of the one before, so an entry changed, removed or slipped in afterwards breaks the chain at that entry.
 * Appends run in the caller's transaction (the entry commits with what it records) and take turns under a transaction
 * advisory lock, so parallel callers and several instances still make one chain. The head is time-stamped by Teken's
 * TSA from time to time ({@link AuditAnchors}), which also shows entries cut off the end. {@link #verify()} walks it.
 */
@ApplicationScoped
public class AuditChain {

    /** The lock every appender takes; any constant shared by all instances of the service. */
    static final long LOCK = 0x7465_6b65_6e41_7564L;
    static final byte[] GENESIS = new byte[32];
    private static final int PAGE = 1000;

    @Inject
    EntityManager entityManager;

    Clock clock = Clock.systemUTC();

    /** One entry as stored. */
    public record Entry(long seq, Instant at, String actor, String action, String subject, String detail, byte[] prevHash,
                        byte[] hash) {
    }

    /** The outcome of a walk: how many entries, the head, and the first entry that does not hold, with why. */
    public record Verification(long entries, long headSeq, String headHash, Long firstBrokenSeq, String reason,
                               long anchors) {

        public boolean intact() {
            return firstBrokenSeq == null;
        }
    }

    /**
     * Appends an entry in the caller's transaction. {@code actor}: who did it (a NIP, a system client, "system");
     * {@code action}: what (an event type, a verifier's action); {@code subject}: on what; {@code detail}: free text or
     * JSON. Never a secret.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Entry append(String actor, String action, String subject, String detail) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
        Optional<Object[]> last = latestRow();
        long seq = last.map(r -> ((Number) r[0]).longValue() + 1).orElse(1L);
        byte[] prev = last.map(r -> (byte[]) r[1]).orElse(GENESIS);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] hash = hash(seq, at, actor, action, subject, detail, prev);
        entityManager.createNativeQuery("""
                        INSERT INTO teken_audit_chain (seq, at, actor, action, subject, detail, prev_hash, hash)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, seq).setParameter(2, Timestamp.from(at)).setParameter(3, actor).setParameter(4, action)
                .setParameter(5, subject).setParameter(6, detail).setParameter(7, prev).setParameter(8, hash)
                .executeUpdate();
        return new Entry(seq, at, actor, action, subject, detail, prev, hash);
    }

    @SuppressWarnings("unchecked")
    private Optional<Object[]> latestRow() {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT seq, hash FROM teken_audit_chain ORDER BY seq DESC LIMIT 1")
                .getResultList();
        return rows.stream().findFirst();
    }

    /** The newest entry's position and hash (for the anchors). */
    @Transactional
    public Optional<Entry> head() {
        return page(Long.MAX_VALUE, true).stream().findFirst();
    }

    /** Walks the whole chain and the anchors; names the first entry that does not hold. */
    @Transactional
    public Verification verify() {
        long expected = 1;
        byte[] prev = GENESIS;
        long count = 0;
        Entry last = null;
        while (true) {
            List<Entry> entries = page(expected - 1, false);
            if (entries.isEmpty()) {
                break;
            }
            for (Entry e : entries) {
                if (e.seq() != expected) {
                    return broken(count, last, expected, "entry " + expected + " is missing (the next one is " + e.seq() + ")");
                }
                if (!MessageDigest.isEqual(e.prevHash(), prev)) {
                    return broken(count, last, e.seq(), "entry " + e.seq() + " does not carry the hash of entry " + (e.seq() - 1));
                }
                byte[] recomputed = hash(e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.detail(), e.prevHash());
                if (!MessageDigest.isEqual(recomputed, e.hash())) {
                    return broken(count, last, e.seq(), "entry " + e.seq() + " was changed after it was written");
                }
                prev = e.hash();
                last = e;
                expected++;
                count++;
            }
        }
        long anchors = 0;
        for (Object[] a : anchorRows()) {
            long seq = ((Number) a[0]).longValue();
            byte[] anchored = (byte[]) a[1];
            anchors++;
            if (last == null || seq > last.seq()) {
                return broken(count, last, seq, "entry " + seq + " was time-stamped but is no longer in the chain (entries cut off)");
            }
            Entry at = page(seq - 1, false).get(0);
            if (!MessageDigest.isEqual(at.hash(), anchored)) {
                return broken(count, last, seq, "entry " + seq + " differs from the hash time-stamped for it");
            }
        }
        return new Verification(count, last == null ? 0 : last.seq(), last == null ? hex(GENESIS) : hex(last.hash()), null, null,
                anchors);
    }

    private Verification broken(long count, Entry last, long seq, String reason) {
        return new Verification(count, last == null ? 0 : last.seq(), last == null ? hex(GENESIS) : hex(last.hash()), seq, reason, 0);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> anchorRows() {
        return entityManager.createNativeQuery("SELECT seq, head_hash FROM teken_audit_anchor ORDER BY seq").getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Entry> page(long after, boolean newestFirst) {
        String sql = newestFirst
                ? "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM teken_audit_chain ORDER BY seq DESC LIMIT 1"
                : "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM teken_audit_chain WHERE seq > ?1 ORDER BY seq LIMIT "
                + PAGE;
        var query = entityManager.createNativeQuery(sql);
        if (!newestFirst) {
            query.setParameter(1, after);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (byte[]) r[6], (byte[]) r[7])).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    /** SHA-256 over the entry's fields, each length-prefixed (so no two different entries encode alike), and the previous hash. */
    static byte[] hash(long seq, Instant at, String actor, String action, String subject, String detail, byte[] prev) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeBytes("teken-audit-v1");
            out.writeLong(seq);
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano() / 1000);
            for (String field : new String[] {actor, action, subject, detail}) {
                if (field == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
            out.write(prev);
            out.flush();
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
