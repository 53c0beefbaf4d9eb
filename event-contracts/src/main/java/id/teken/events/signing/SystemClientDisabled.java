package id.teken.events.signing;

import java.time.Instant;

/**
 * A system client was turned off because it spent its failure budget (wrong passphrases, signers out of its scope or
 * unknown). Key: the client's username. registration-service mails the ADMINs. Never a secret or a passphrase.
 */
public record SystemClientDisabled(
        String clientUsername,
        String reason,
        long failures,
        Instant disabledAt) {
}
