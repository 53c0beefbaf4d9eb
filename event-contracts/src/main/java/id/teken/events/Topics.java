package id.teken.events;

import id.teken.events.activation.ActivationCompleted;
import id.teken.events.activation.ActivationExpired;
import id.teken.events.activation.ActivationRejected;
import id.teken.events.activation.ActivationReviewRequested;
import id.teken.events.certificate.CertificateExpired;
import id.teken.events.certificate.CertificateIssued;
import id.teken.events.certificate.CertificateReinstated;
import id.teken.events.certificate.CertificateRenewalRequested;
import id.teken.events.certificate.CertificateRevoked;
import id.teken.events.certificate.CertificateSuspended;
import id.teken.events.registration.RegistrationSubmitted;
import id.teken.events.signing.DocumentSigned;
import id.teken.events.signing.SystemClientDisabled;

import java.util.List;
import java.util.Optional;

/** The catalogue of every topic Teken publishes (docs/events.md describes each). */
public final class Topics {

    public static final Topic<RegistrationSubmitted> REGISTRATION_SUBMITTED = new Topic<>(
            "teken.registration.submitted.v1", "registration.submitted", 1, RegistrationSubmitted.class);
    public static final Topic<ActivationReviewRequested> ACTIVATION_REVIEW_REQUESTED = new Topic<>(
            "teken.activation.review-requested.v1", "activation.review-requested", 1, ActivationReviewRequested.class);
    public static final Topic<ActivationCompleted> ACTIVATION_COMPLETED = new Topic<>(
            "teken.activation.completed.v1", "activation.completed", 1, ActivationCompleted.class);
    public static final Topic<ActivationRejected> ACTIVATION_REJECTED = new Topic<>(
            "teken.activation.rejected.v1", "activation.rejected", 1, ActivationRejected.class);
    public static final Topic<ActivationExpired> ACTIVATION_EXPIRED = new Topic<>(
            "teken.activation.expired.v1", "activation.expired", 1, ActivationExpired.class);
    public static final Topic<CertificateIssued> CERTIFICATE_ISSUED = new Topic<>(
            "teken.certificate.issued.v1", "certificate.issued", 1, CertificateIssued.class);
    public static final Topic<CertificateRevoked> CERTIFICATE_REVOKED = new Topic<>(
            "teken.certificate.revoked.v1", "certificate.revoked", 1, CertificateRevoked.class);
    public static final Topic<CertificateSuspended> CERTIFICATE_SUSPENDED = new Topic<>(
            "teken.certificate.suspended.v1", "certificate.suspended", 1, CertificateSuspended.class);
    public static final Topic<CertificateReinstated> CERTIFICATE_REINSTATED = new Topic<>(
            "teken.certificate.reinstated.v1", "certificate.reinstated", 1, CertificateReinstated.class);
    public static final Topic<CertificateRenewalRequested> CERTIFICATE_RENEWAL_REQUESTED = new Topic<>(
            "teken.certificate.renewal-requested.v1", "certificate.renewal-requested", 1, CertificateRenewalRequested.class);
    public static final Topic<CertificateExpired> CERTIFICATE_EXPIRED = new Topic<>(
            "teken.certificate.expired.v1", "certificate.expired", 1, CertificateExpired.class);
    public static final Topic<DocumentSigned> DOCUMENT_SIGNED = new Topic<>(
            "teken.document.signed.v1", "document.signed", 1, DocumentSigned.class);

    public static final Topic<SystemClientDisabled> SYSTEM_CLIENT_DISABLED = new Topic<>(
            "teken.signing.client-disabled.v1", "signing.client-disabled", 1, SystemClientDisabled.class);

    public static final List<Topic<?>> ALL = List.of(REGISTRATION_SUBMITTED, ACTIVATION_REVIEW_REQUESTED, ACTIVATION_COMPLETED,
            ACTIVATION_REJECTED, ACTIVATION_EXPIRED, CERTIFICATE_ISSUED, CERTIFICATE_REVOKED,
            CERTIFICATE_SUSPENDED, CERTIFICATE_REINSTATED, CERTIFICATE_RENEWAL_REQUESTED, CERTIFICATE_EXPIRED, DOCUMENT_SIGNED,
            SYSTEM_CLIENT_DISABLED);

    private Topics() {
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
