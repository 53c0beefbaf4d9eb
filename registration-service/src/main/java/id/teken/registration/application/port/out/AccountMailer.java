package id.teken.registration.application.port.out;

import id.teken.registration.domain.EmailAddress;

import java.time.Instant;

/** Mails to account holders. */
public interface AccountMailer {

    /** Sends the "Lupa Password" link once the caller's transaction commits; throws {@link MailNotSent} for an unusable address. */
    void sendPasswordResetLink(EmailAddress to, String nama, String link, Instant expiresAt);

    /** The message cannot be sent at all (an unusable address). */
    class MailNotSent extends RuntimeException {
        public MailNotSent(String message) {
            super(message);
        }
    }
}
