package id.teken.signing.application.port.in;

/** Keeps the signer-status projection true from certificate.* events. */
public interface FollowCertificatesUseCase {

    void issued(String nip, String serialNumber);

    /** Revocation of the current serial for any reason but superseded (a reset's new certificate follows). */
    void revoked(String nip, String serialNumber, String reason);

    void changed(String nip, String serialNumber, id.teken.signing.domain.CertificateStatus status);
}
