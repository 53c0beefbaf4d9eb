package id.teken.certificate.application.fakes;

import id.teken.certificate.application.port.out.PassphraseAttempts;
import id.teken.certificate.domain.SigningGate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** PassphraseAttempts in memory, each change under one lock as the table's single statements are; held to the same contract. */
public class InMemoryPassphraseAttempts implements PassphraseAttempts {

    private static final class Row {
        int failed;
        int inFlight;
        Instant inFlightUntil;
        Instant lockedUntil;
    }

    private final Map<String, Row> rows = new HashMap<>();

    private static String key(UUID credentialId, String channel) {
        return credentialId + " " + channel;
    }

    @Override
    public synchronized Admission reserve(UUID credentialId, String channel, int maxAttempts, Instant now, Instant reservationEnds) {
        if (!SigningGate.OWNER.equals(channel)) {
            Optional<Instant> ownerLock = lockOf(credentialId, SigningGate.OWNER, now);
            if (ownerLock.isPresent()) {
                return new Admission(Admission.Outcome.LOCKED, ownerLock.get());
            }
        }
        Row row = rows.computeIfAbsent(key(credentialId, channel), k -> new Row());
        if (row.lockedUntil != null && row.lockedUntil.isAfter(now)) {
            return new Admission(Admission.Outcome.LOCKED, row.lockedUntil);
        }
        int failed = row.lockedUntil != null ? 0 : row.failed;
        int open = row.inFlightUntil == null || row.inFlightUntil.isBefore(now) ? 0 : row.inFlight;
        if (failed + open >= maxAttempts) {
            return new Admission(Admission.Outcome.BUSY, null);
        }
        row.failed = failed;
        row.lockedUntil = null;
        row.inFlight = open + 1;
        row.inFlightUntil = reservationEnds;
        return new Admission(Admission.Outcome.RESERVED, null);
    }

    @Override
    public synchronized Failure recordFailure(UUID credentialId, String channel, int maxAttempts, Instant lockEnds) {
        Row row = rows.get(key(credentialId, channel));
        if (row == null) {
            throw new IllegalStateException("no reserved try to count");
        }
        row.failed++;
        row.inFlight = Math.max(row.inFlight - 1, 0);
        if (row.lockedUntil == null && row.failed >= maxAttempts) {
            row.lockedUntil = lockEnds;
        }
        return new Failure(row.failed, row.lockedUntil, row.lockedUntil != null && row.failed == maxAttempts);
    }

    @Override
    public synchronized void recordSuccess(UUID credentialId, String channel) {
        Row row = rows.get(key(credentialId, channel));
        if (row != null) {
            row.failed = 0;
            row.inFlight = Math.max(row.inFlight - 1, 0);
        }
    }

    @Override
    public synchronized void release(UUID credentialId, String channel) {
        Row row = rows.get(key(credentialId, channel));
        if (row != null) {
            row.inFlight = Math.max(row.inFlight - 1, 0);
        }
    }

    @Override
    public synchronized Optional<Instant> lockedUntil(UUID credentialId, String channel, Instant now) {
        Optional<Instant> own = lockOf(credentialId, SigningGate.OWNER, now);
        return own.isPresent() || SigningGate.OWNER.equals(channel) ? own : lockOf(credentialId, channel, now);
    }

    private Optional<Instant> lockOf(UUID credentialId, String channel, Instant now) {
        Row row = rows.get(key(credentialId, channel));
        return row == null || row.lockedUntil == null || !row.lockedUntil.isAfter(now) ? Optional.empty() : Optional.of(row.lockedUntil);
    }
}
