package id.teken.registration.application.port.in;

import id.teken.registration.domain.Nip;

import java.time.Instant;

/** Keeps the dashboard status true as certificate-service reports issuance and revocation. */
public interface FollowCertificateUseCase {

    void issued(Nip nip, String serialNumber, Instant validFrom, Instant validTo);

    void revoked(Nip nip, String serialNumber, String reason);

    void suspended(Nip nip, String serialNumber);

    void reinstated(Nip nip, String serialNumber);

    void expired(Nip nip, String serialNumber);

    void renewalRequested(Nip nip, String serialNumber);
}
