package id.teken.signing.application.service;

import id.teken.signing.application.port.in.FollowCertificatesUseCase;
import id.teken.signing.application.port.out.SignerStatuses;
import id.teken.signing.domain.CertificateStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;

/** The projection: a new certificate sets ISSUE; later events change the status of that serial only. */
@ApplicationScoped
@RequiredArgsConstructor
public class SignerStatusService implements FollowCertificatesUseCase {

    private final SignerStatuses statuses;
    private final Clock clock;
    private final RecentSignerCertificates recent;

    @Override
    @Transactional
    public void issued(String nip, String serialNumber) {
        recent.forget(nip);
        statuses.save(new SignerStatuses.SignerStatus(nip, serialNumber, CertificateStatus.ISSUE, clock.instant()));
    }

    @Override
    @Transactional
    public void revoked(String nip, String serialNumber, String reason) {
        recent.forget(nip);
        if (!"superseded".equals(reason)) {
            changed(nip, serialNumber, CertificateStatus.REVOKE);
        }
    }

    @Override
    @Transactional
    public void changed(String nip, String serialNumber, CertificateStatus status) {
        recent.forget(nip);
        statuses.find(nip).filter(s -> s.serialNumber().equals(serialNumber) && s.status() != CertificateStatus.REVOKE)
                .ifPresent(s -> statuses.save(new SignerStatuses.SignerStatus(nip, serialNumber, status, clock.instant())));
    }
}
