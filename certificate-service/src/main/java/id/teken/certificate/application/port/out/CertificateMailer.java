package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.PassphraseLink;
import id.teken.certificate.domain.SubscriberIdentity;

import java.time.Instant;

/** Mails to the subscriber's Email Dinas (Indonesian, HTML and text), sent once the caller's transaction commits. */
public interface CertificateMailer {

    void sendAccountInformation(SubscriberIdentity to);

    void sendPassphraseLink(SubscriberIdentity to, PassphraseLink.Purpose purpose, String link, Instant expiresAt);

    void sendCertificateIssued(SubscriberIdentity to, String serialNumber, Instant notBefore, Instant notAfter);

    /** The owner's use locked ({@code client} null), or one system client's use of the certificate ({@code client} its name). */
    void sendCredentialLocked(SubscriberIdentity to, Instant lockedUntil, String client);

    void sendStatusChanged(SubscriberIdentity to, String serialNumber, String newStatus, String reason);

    void sendExpiryReminder(SubscriberIdentity to, String serialNumber, Instant notAfter);

    /** A system client asks to sign for the person: the code, and the link where they approve with their passphrase. */
    void sendSigningApproval(SubscriberIdentity to, String clientName, int signatures, String code, String link, Instant expiresAt);

    /** A sign TOTP that is a second factor: the code to enter in the client's application together with the passphrase. */
    void sendSigningCode(SubscriberIdentity to, String clientName, int signatures, String code, Instant expiresAt);

    /** A seal's activation code for a system client, to the unit's official address. */
    void sendSealActivation(SubscriberIdentity unit, String clientName, String code, Instant expiresAt);
}
