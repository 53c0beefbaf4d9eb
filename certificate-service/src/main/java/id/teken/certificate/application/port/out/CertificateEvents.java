package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.Credential;

/** Announces certificate facts (key: NIP); never key material. */
public interface CertificateEvents {

    void issued(Credential credential, String registrationId, String replacesSerialNumber);

    void revoked(Credential credential, String revokedBy);

    void suspended(Credential credential, String by);

    void reinstated(Credential credential, String by);

    void expired(Credential credential);

    void renewalRequested(Credential credential);
}
