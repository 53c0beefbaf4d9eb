package id.teken.certificate.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Tries of a passphrase per credential and channel, changed only by single atomic statements, each committed at once, so
 * that parallel calls see one another: a try is reserved before the slow key derivation and settled after it. Open
 * reservations count against the limit like failures; a reservation nobody settles (a crash) lapses at its end.
 */
public interface PassphraseAttempts {

    /** Reserves one try unless the channel (or the owner's channel) is locked or failures plus open tries reach the limit. */
    Admission reserve(UUID credentialId, String channel, int maxAttempts, Instant now, Instant reservationEnds);

    /** The reserved try was a wrong passphrase; the lock starts (until {@code lockEnds}) when failures reach the limit. */
    Failure recordFailure(UUID credentialId, String channel, int maxAttempts, Instant lockEnds);

    /** The reserved try was right: the failures of this channel are cleared. */
    void recordSuccess(UUID credentialId, String channel);

    /** The reserved try ended without an answer on the passphrase (an internal failure): nothing is counted. */
    void release(UUID credentialId, String channel);

    /** Until when the channel cannot sign (its own lock or the owner's), if it is locked now. */
    Optional<Instant> lockedUntil(UUID credentialId, String channel, Instant now);

    /** The outcome of a reservation. */
    record Admission(Outcome outcome, Instant lockedUntil) {
        /** Reserved; locked; or every allowed try is open already (wait for one to settle). */
        public enum Outcome { RESERVED, LOCKED, BUSY }
    }

    /** Failures after this one, the lock if any, and whether this failure started it. */
    record Failure(int failures, Instant lockedUntil, boolean lockedNow) {
    }
}
