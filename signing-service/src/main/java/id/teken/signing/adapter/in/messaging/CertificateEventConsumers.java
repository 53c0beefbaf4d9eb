package id.teken.signing.adapter.in.messaging;

import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import id.teken.events.Topics;
import id.teken.events.certificate.CertificateExpired;
import id.teken.events.certificate.CertificateIssued;
import id.teken.events.certificate.CertificateReinstated;
import id.teken.events.certificate.CertificateRevoked;
import id.teken.events.certificate.CertificateSuspended;
import id.teken.kit.consumer.EventHandler;
import id.teken.signing.application.port.in.FollowCertificatesUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** certificate.* events -> the signer-status projection. */
public final class CertificateEventConsumers {

    private CertificateEventConsumers() {
    }

    /** certificate.issued -> ISSUE. */
    @ApplicationScoped
    public static class Issued implements EventHandler<CertificateIssued> {
        @Inject
        FollowCertificatesUseCase follow;

        @Override
        public Topic<CertificateIssued> topic() {
            return Topics.CERTIFICATE_ISSUED;
        }

        @Override
        public void handle(EventEnvelope<CertificateIssued> event) {
            follow.issued(event.payload().nip(), event.payload().serialNumber());
        }
    }

    /** certificate.revoked -> REVOKE (not superseded). */
    @ApplicationScoped
    public static class Revoked implements EventHandler<CertificateRevoked> {
        @Inject
        FollowCertificatesUseCase follow;

        @Override
        public Topic<CertificateRevoked> topic() {
            return Topics.CERTIFICATE_REVOKED;
        }

        @Override
        public void handle(EventEnvelope<CertificateRevoked> event) {
            follow.revoked(event.payload().nip(), event.payload().serialNumber(), event.payload().reason());
        }
    }

    /** certificate.suspended -> SUSPEND. */
    @ApplicationScoped
    public static class Suspended implements EventHandler<CertificateSuspended> {
        @Inject
        FollowCertificatesUseCase follow;

        @Override
        public Topic<CertificateSuspended> topic() {
            return Topics.CERTIFICATE_SUSPENDED;
        }

        @Override
        public void handle(EventEnvelope<CertificateSuspended> event) {
            follow.changed(event.payload().nip(), event.payload().serialNumber(), id.teken.signing.domain.CertificateStatus.SUSPEND);
        }
    }

    /** certificate.reinstated -> ISSUE. */
    @ApplicationScoped
    public static class Reinstated implements EventHandler<CertificateReinstated> {
        @Inject
        FollowCertificatesUseCase follow;

        @Override
        public Topic<CertificateReinstated> topic() {
            return Topics.CERTIFICATE_REINSTATED;
        }

        @Override
        public void handle(EventEnvelope<CertificateReinstated> event) {
            follow.changed(event.payload().nip(), event.payload().serialNumber(), id.teken.signing.domain.CertificateStatus.ISSUE);
        }
    }

    /** certificate.expired -> EXPIRED. */
    @ApplicationScoped
    public static class Expired implements EventHandler<CertificateExpired> {
        @Inject
        FollowCertificatesUseCase follow;

        @Override
        public Topic<CertificateExpired> topic() {
            return Topics.CERTIFICATE_EXPIRED;
        }

        @Override
        public void handle(EventEnvelope<CertificateExpired> event) {
            follow.changed(event.payload().nip(), event.payload().serialNumber(), id.teken.signing.domain.CertificateStatus.EXPIRED);
        }
    }
}
