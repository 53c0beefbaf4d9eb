package id.teken.registration.application.service;

import id.teken.registration.application.port.in.FollowCertificateUseCase;
import id.teken.registration.application.port.out.RegistrationRepository;
import id.teken.registration.domain.CertificateStatus;
import id.teken.registration.domain.Nip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Instant;

/** The dashboard projection of certificates: ISSUE with serial and validity, REVOKE. */
@ApplicationScoped
@RequiredArgsConstructor
public class CertificateProgressService implements FollowCertificateUseCase {

    private final RegistrationRepository registrations;
    private final Clock clock;

    @Override
    @Transactional
    public void issued(Nip nip, String serialNumber, Instant validFrom, Instant validTo) {
        registrations.find(nip).filter(r -> r.certificateIssued(serialNumber, validFrom, validTo, clock.instant()))
                .ifPresent(registrations::save);
    }

    @Override
    @Transactional
    public void suspended(Nip nip, String serialNumber) {
        change(nip, serialNumber, CertificateStatus.SUSPEND, "Sertifikat dibekukan oleh Verifikator TTE.");
    }

    @Override
    @Transactional
    public void reinstated(Nip nip, String serialNumber) {
        change(nip, serialNumber, CertificateStatus.ISSUE, null);
    }

    @Override
    @Transactional
    public void expired(Nip nip, String serialNumber) {
        change(nip, serialNumber, CertificateStatus.EXPIRED, "Masa berlaku sertifikat telah berakhir.");
    }

    @Override
    @Transactional
    public void renewalRequested(Nip nip, String serialNumber) {
        change(nip, serialNumber, CertificateStatus.RENEW, "Pembaruan sertifikat sedang diproses; atur passphrase dari tautan di Email Dinas.");
    }

    private void change(Nip nip, String serial, CertificateStatus status, String note) {
        registrations.find(nip).filter(r -> r.certificateStatusChanged(serial, status, note, clock.instant()))
                .ifPresent(registrations::save);
    }

    @Override
    @Transactional
    public void revoked(Nip nip, String serialNumber, String reason) {
        registrations.find(nip).filter(r -> r.certificateRevoked(serialNumber, reason, clock.instant()))
                .ifPresent(registrations::save);
    }
}
