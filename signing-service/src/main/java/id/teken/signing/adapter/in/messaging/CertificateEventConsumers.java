package id.teken.signing.adapter.in.messaging;

import id.teken.events.Topics;
import id.teken.events.certificate.CertificateExpired;
import id.teken.events.certificate.CertificateIssued;
import id.teken.events.certificate.CertificateReinstated;
import id.teken.events.certificate.CertificateRevoked;
import id.teken.events.certificate.CertificateSuspended;
import id.teken.kit.consumer.EventHandler;
import id.teken.signing.application.port.in.FollowCertificatesUseCase;
import id.teken.signing.domain.CertificateStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** certificate.* events -> the signer-status projection. */
@ApplicationScoped
public class CertificateEventConsumers {

    @Inject
    FollowCertificatesUseCase follow;

    /** certificate.issued -> ISSUE. */
    @Produces
    @Singleton
    EventHandler<CertificateIssued> issued() {
        return EventHandler.on(Topics.CERTIFICATE_ISSUED, e -> follow.issued(e.payload().nip(), e.payload().serialNumber()));
    }

    /** certificate.revoked -> REVOKE (not superseded). */
    @Produces
    @Singleton
    EventHandler<CertificateRevoked> revoked() {
        return EventHandler.on(Topics.CERTIFICATE_REVOKED,
                e -> follow.revoked(e.payload().nip(), e.payload().serialNumber(), e.payload().reason()));
    }

    /** certificate.suspended, .reinstated, .expired -> SUSPEND, ISSUE, EXPIRED. */
    @Produces
    @Singleton
    EventHandler<CertificateSuspended> suspended() {
        return EventHandler.on(Topics.CERTIFICATE_SUSPENDED,
                e -> follow.changed(e.payload().nip(), e.payload().serialNumber(), CertificateStatus.SUSPEND));
    }

    @Produces
    @Singleton
    EventHandler<CertificateReinstated> reinstated() {
        return EventHandler.on(Topics.CERTIFICATE_REINSTATED,
                e -> follow.changed(e.payload().nip(), e.payload().serialNumber(), CertificateStatus.ISSUE));
    }

    @Produces
    @Singleton
    EventHandler<CertificateExpired> expired() {
        return EventHandler.on(Topics.CERTIFICATE_EXPIRED,
                e -> follow.changed(e.payload().nip(), e.payload().serialNumber(), CertificateStatus.EXPIRED));
    }
}
