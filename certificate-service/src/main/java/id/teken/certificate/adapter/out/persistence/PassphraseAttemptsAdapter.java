package id.teken.certificate.adapter.out.persistence;

import id.teken.certificate.application.port.out.PassphraseAttempts;
import id.teken.certificate.domain.SigningGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.teken.kit.persistence.SqlRows.instant;
import static id.teken.kit.persistence.SqlRows.timestamp;

/**
 * Table passphrase_attempt: each change is one statement that reads and writes the row under its lock (INSERT ... ON
 * CONFLICT DO UPDATE ... RETURNING, UPDATE ... RETURNING), so parallel calls serialise on the row and never lose a count.
 */
@ApplicationScoped
public class PassphraseAttemptsAdapter implements PassphraseAttempts {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Admission reserve(UUID credentialId, String channel, int maxAttempts, Instant now, Instant reservationEnds) {
        if (!SigningGate.OWNER.equals(channel)) {
            Optional<Instant> ownerLock = lockOf(credentialId, SigningGate.OWNER, now);
            if (ownerLock.isPresent()) {
                return new Admission(Admission.Outcome.LOCKED, ownerLock.get());
            }
        }
        // A lock that has run out starts a fresh count; open tries whose reservation lapsed are forgotten.
        List<Object> reserved = em.createNativeQuery("""
                        INSERT INTO passphrase_attempt AS a (credential_id, channel, failed, in_flight, in_flight_until)
                        VALUES (?1, ?2, 0, 1, ?4)
                        ON CONFLICT (credential_id, channel) DO UPDATE SET
                          failed = CASE WHEN a.locked_until IS NOT NULL AND a.locked_until <= ?3 THEN 0 ELSE a.failed END,
                          locked_until = CASE WHEN a.locked_until IS NOT NULL AND a.locked_until <= ?3 THEN NULL ELSE a.locked_until END,
                          in_flight = CASE WHEN a.in_flight_until IS NULL OR a.in_flight_until < ?3 THEN 1 ELSE a.in_flight + 1 END,
                          in_flight_until = ?4
                        WHERE (a.locked_until IS NULL OR a.locked_until <= ?3)
                          AND (CASE WHEN a.locked_until IS NOT NULL AND a.locked_until <= ?3 THEN 0 ELSE a.failed END)
                            + (CASE WHEN a.in_flight_until IS NULL OR a.in_flight_until < ?3 THEN 0 ELSE a.in_flight END) < ?5
                        RETURNING failed""")
                .setParameter(1, credentialId).setParameter(2, channel).setParameter(3, timestamp(now))
                .setParameter(4, timestamp(reservationEnds)).setParameter(5, maxAttempts).getResultList();
        if (!reserved.isEmpty()) {
            return new Admission(Admission.Outcome.RESERVED, null);
        }
        Optional<Instant> lock = lockOf(credentialId, channel, now);
        return lock.map(until -> new Admission(Admission.Outcome.LOCKED, until))
                .orElseGet(() -> new Admission(Admission.Outcome.BUSY, null));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Failure recordFailure(UUID credentialId, String channel, int maxAttempts, Instant lockEnds) {
        List<Object[]> rows = em.createNativeQuery("""
                        UPDATE passphrase_attempt SET failed = failed + 1, in_flight = GREATEST(in_flight - 1, 0),
                          locked_until = CASE WHEN locked_until IS NULL AND failed + 1 >= ?3 THEN ?4 ELSE locked_until END
                        WHERE credential_id = ?1 AND channel = ?2
                        RETURNING failed, locked_until""")
                .setParameter(1, credentialId).setParameter(2, channel).setParameter(3, maxAttempts)
                .setParameter(4, timestamp(lockEnds)).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no reserved try to count");
        }
        int failures = ((Number) rows.get(0)[0]).intValue();
        Instant lockedUntil = instant(rows.get(0)[1]);
        // Reservations keep failures + open tries within the limit, so exactly one failure reaches it.
        return new Failure(failures, lockedUntil, lockedUntil != null && failures == maxAttempts);
    }

    @Override
    public void recordSuccess(UUID credentialId, String channel) {
        em.createNativeQuery("UPDATE passphrase_attempt SET failed = 0, in_flight = GREATEST(in_flight - 1, 0) "
                        + "WHERE credential_id = ?1 AND channel = ?2")
                .setParameter(1, credentialId).setParameter(2, channel).executeUpdate();
    }

    @Override
    public void release(UUID credentialId, String channel) {
        em.createNativeQuery("UPDATE passphrase_attempt SET in_flight = GREATEST(in_flight - 1, 0) WHERE credential_id = ?1 AND channel = ?2")
                .setParameter(1, credentialId).setParameter(2, channel).executeUpdate();
    }

    @Override
    public Optional<Instant> lockedUntil(UUID credentialId, String channel, Instant now) {
        Optional<Instant> own = lockOf(credentialId, SigningGate.OWNER, now);
        return own.isPresent() || SigningGate.OWNER.equals(channel) ? own : lockOf(credentialId, channel, now);
    }

    @SuppressWarnings("unchecked")
    private Optional<Instant> lockOf(UUID credentialId, String channel, Instant now) {
        List<Object> rows = em.createNativeQuery("SELECT locked_until FROM passphrase_attempt WHERE credential_id = ?1 "
                        + "AND channel = ?2 AND locked_until > ?3")
                .setParameter(1, credentialId).setParameter(2, channel).setParameter(3, timestamp(now)).getResultList();
        return rows.stream().findFirst().map(id.teken.kit.persistence.SqlRows::instant);
    }
}
