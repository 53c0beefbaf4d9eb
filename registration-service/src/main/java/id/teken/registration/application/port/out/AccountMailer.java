package id.teken.registration.application.port.out;

import id.teken.registration.domain.EmailAddress;

import java.time.Instant;

/** Mails to account holders. */
public interface AccountMailer {

    /** Sends the "Lupa Password" link; throws {@link MailNotSent} when the mail server refuses. */
    void sendPasswordResetLink(EmailAddress to, String nama, String link, Instant expiresAt);

    /** The message could not be handed to the mail server. */
    class MailNotSent extends RuntimeException {
        public MailNotSent(String message) {
            super(message);
        }
    }
}
