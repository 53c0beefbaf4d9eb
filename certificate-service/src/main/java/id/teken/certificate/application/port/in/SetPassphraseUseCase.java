package id.teken.certificate.application.port.in;

import java.time.Instant;

/**
 * The mailed passphrase link: view it, then set the passphrase with the subscriber agreement; this generates
 * a key pair and issues a certificate (a reset also revokes the previous certificate as superseded).
 */
public interface SetPassphraseUseCase {

    LinkView view(String token);

    IssuedView setPassphrase(String token, char[] passphrase, boolean agreementAccepted);

    /** What the page shows. */
    record LinkView(String purpose, String nama, Instant expiresAt, String agreementVersion) {
    }

    /** The new certificate. */
    record IssuedView(String serialNumber, String subjectDn, Instant notBefore, Instant notAfter, String replacedSerialNumber) {
    }
}
