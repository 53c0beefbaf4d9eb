package id.teken.registration.application.port.out;

import id.teken.registration.domain.EmailAddress;

import java.time.Instant;

/** Mails to account holders. */
public interface AccountMailer {

    /** Sends the "Lupa Password" link once the caller's transaction commits; throws {@link MailNotSent} for an unusable address. */
    void sendPasswordResetLink(EmailAddress to, String nama, String link, Instant expiresAt);

    /**
     * Tells contract staff enrolled without a number in the employee export their new account number (NIPTT) and where to
     * set their password, once the caller's transaction commits.
     */
    void sendAccountCreated(EmailAddress to, String nama, String accountNumber, String link, Instant expiresAt);

    /** Tells an ADMIN that a system client was turned off after spending its failure budget. */
    void sendClientDisabled(EmailAddress to, String nama, String clientUsername, String reason, Instant at);

    /** The message cannot be sent at all (an unusable address). */
    class MailNotSent extends RuntimeException {
        public MailNotSent(String message) {
            super(message);
        }
    }
}
