package id.teken.registration.adapter.in.messaging;

import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import id.teken.events.Topics;
import id.teken.events.certificate.CertificateIssued;
import id.teken.events.certificate.CertificateRevoked;
import id.teken.kit.consumer.EventHandler;
import id.teken.registration.application.port.in.FollowCertificateUseCase;
import id.teken.registration.domain.Nip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** certificate.* events -> the dashboard status. */
public final class CertificateEventConsumers {

    private CertificateEventConsumers() {
    }

    /** certificate.issued -> ISSUE with validity. */
    @ApplicationScoped
    public static class Issued implements EventHandler<CertificateIssued> {
        @Inject
        FollowCertificateUseCase follow;

        @Override
        public Topic<CertificateIssued> topic() {
            return Topics.CERTIFICATE_ISSUED;
        }

        @Override
        public void handle(EventEnvelope<CertificateIssued> event) {
            CertificateIssued c = event.payload();
            follow.issued(Nip.of(c.nip()), c.serialNumber(), c.notBefore(), c.notAfter());
        }
    }

    /** certificate.revoked -> REVOKE (not for a reset's superseded certificate). */
    @ApplicationScoped
    public static class Revoked implements EventHandler<CertificateRevoked> {
        @Inject
        FollowCertificateUseCase follow;

        @Override
        public Topic<CertificateRevoked> topic() {
            return Topics.CERTIFICATE_REVOKED;
        }

        @Override
        public void handle(EventEnvelope<CertificateRevoked> event) {
            CertificateRevoked c = event.payload();
            follow.revoked(Nip.of(c.nip()), c.serialNumber(), c.reason());
        }
    }

    /** certificate.suspended -> SUSPEND. */
    @ApplicationScoped
    public static class Suspended implements EventHandler<id.teken.events.certificate.CertificateSuspended> {
        @Inject
        FollowCertificateUseCase follow;

        @Override
        public Topic<id.teken.events.certificate.CertificateSuspended> topic() {
            return Topics.CERTIFICATE_SUSPENDED;
        }

        @Override
        public void handle(EventEnvelope<id.teken.events.certificate.CertificateSuspended> event) {
            follow.suspended(Nip.of(event.payload().nip()), event.payload().serialNumber());
        }
    }

    /** certificate.reinstated -> ISSUE. */
    @ApplicationScoped
    public static class Reinstated implements EventHandler<id.teken.events.certificate.CertificateReinstated> {
        @Inject
        FollowCertificateUseCase follow;

        @Override
        public Topic<id.teken.events.certificate.CertificateReinstated> topic() {
            return Topics.CERTIFICATE_REINSTATED;
        }

        @Override
        public void handle(EventEnvelope<id.teken.events.certificate.CertificateReinstated> event) {
            follow.reinstated(Nip.of(event.payload().nip()), event.payload().serialNumber());
        }
    }

    /** certificate.expired -> EXPIRED. */
    @ApplicationScoped
    public static class Expired implements EventHandler<id.teken.events.certificate.CertificateExpired> {
        @Inject
        FollowCertificateUseCase follow;

        @Override
        public Topic<id.teken.events.certificate.CertificateExpired> topic() {
            return Topics.CERTIFICATE_EXPIRED;
        }

        @Override
        public void handle(EventEnvelope<id.teken.events.certificate.CertificateExpired> event) {
            follow.expired(Nip.of(event.payload().nip()), event.payload().serialNumber());
        }
    }

    /** certificate.renewal-requested -> RENEW. */
    @ApplicationScoped
    public static class RenewalRequested implements EventHandler<id.teken.events.certificate.CertificateRenewalRequested> {
        @Inject
        FollowCertificateUseCase follow;

        @Override
        public Topic<id.teken.events.certificate.CertificateRenewalRequested> topic() {
            return Topics.CERTIFICATE_RENEWAL_REQUESTED;
        }

        @Override
        public void handle(EventEnvelope<id.teken.events.certificate.CertificateRenewalRequested> event) {
            follow.renewalRequested(Nip.of(event.payload().nip()), event.payload().serialNumber());
        }
    }
}
