package id.teken.activation.application.port.out;

import id.teken.activation.domain.Registrant;

import java.time.Instant;

/** Mails to the Email Dinas (Indonesian, HTML and text), sent once the caller's transaction commits. */
public interface ActivationMailer {

    void sendActivationLink(Registrant to, String link, Instant expiresAt);

    void sendRejection(Registrant to, String reason);
}
