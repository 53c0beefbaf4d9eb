package id.teken.registration.adapter.in.messaging;

import id.teken.events.Topics;
import id.teken.events.certificate.CertificateExpired;
import id.teken.events.certificate.CertificateIssued;
import id.teken.events.certificate.CertificateReinstated;
import id.teken.events.certificate.CertificateRenewalRequested;
import id.teken.events.certificate.CertificateRevoked;
import id.teken.events.certificate.CertificateSuspended;
import id.teken.kit.consumer.EventHandler;
import id.teken.registration.application.port.in.FollowCertificateUseCase;
import id.teken.registration.domain.Nip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** certificate.* events -> the dashboard status. */
@ApplicationScoped
public class CertificateEventConsumers {

    @Inject
    FollowCertificateUseCase follow;

    /** certificate.issued -> ISSUE with validity. */
    @Produces
    @Singleton
    EventHandler<CertificateIssued> issued() {
        return EventHandler.on(Topics.CERTIFICATE_ISSUED, e -> {
            CertificateIssued c = e.payload();
            follow.issued(Nip.of(c.nip()), c.serialNumber(), c.notBefore(), c.notAfter());
        });
    }

    /** certificate.revoked -> REVOKE (not for a reset's superseded certificate). */
    @Produces
    @Singleton
    EventHandler<CertificateRevoked> revoked() {
        return EventHandler.on(Topics.CERTIFICATE_REVOKED,
                e -> follow.revoked(Nip.of(e.payload().nip()), e.payload().serialNumber(), e.payload().reason()));
    }

    /** certificate.suspended -> SUSPEND. */
    @Produces
    @Singleton
    EventHandler<CertificateSuspended> suspended() {
        return EventHandler.on(Topics.CERTIFICATE_SUSPENDED, e -> follow.suspended(Nip.of(e.payload().nip()), e.payload().serialNumber()));
    }

    /** certificate.reinstated -> ISSUE. */
    @Produces
    @Singleton
    EventHandler<CertificateReinstated> reinstated() {
        return EventHandler.on(Topics.CERTIFICATE_REINSTATED, e -> follow.reinstated(Nip.of(e.payload().nip()), e.payload().serialNumber()));
    }

    /** certificate.expired -> EXPIRED. */
    @Produces
    @Singleton
    EventHandler<CertificateExpired> expired() {
        return EventHandler.on(Topics.CERTIFICATE_EXPIRED, e -> follow.expired(Nip.of(e.payload().nip()), e.payload().serialNumber()));
    }

    /** certificate.renewal-requested -> RENEW. */
    @Produces
    @Singleton
    EventHandler<CertificateRenewalRequested> renewalRequested() {
        return EventHandler.on(Topics.CERTIFICATE_RENEWAL_REQUESTED,
                e -> follow.renewalRequested(Nip.of(e.payload().nip()), e.payload().serialNumber()));
    }
}
