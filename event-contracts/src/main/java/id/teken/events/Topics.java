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
import id.teken.events.registration.AccessTokenRevoked;
import id.teken.events.registration.RegistrationSubmitted;
import id.teken.events.signing.DocumentSigned;
import id.teken.events.signing.SystemClientDisabled;

import java.util.List;
import java.util.Optional;

/** The catalogue of every topic Teken publishes (docs/events.md describes each). */
public final class Topics {

    public static final Topic<RegistrationSubmitted> REGISTRATION_SUBMITTED = Topic.v1("registration.submitted", RegistrationSubmitted.class);
    public static final Topic<AccessTokenRevoked> ACCESS_TOKEN_REVOKED = Topic.v1("registration.access-token-revoked", AccessTokenRevoked.class);
    public static final Topic<ActivationReviewRequested> ACTIVATION_REVIEW_REQUESTED = Topic.v1("activation.review-requested", ActivationReviewRequested.class);
    public static final Topic<ActivationCompleted> ACTIVATION_COMPLETED = Topic.v1("activation.completed", ActivationCompleted.class);
    public static final Topic<ActivationRejected> ACTIVATION_REJECTED = Topic.v1("activation.rejected", ActivationRejected.class);
    public static final Topic<ActivationExpired> ACTIVATION_EXPIRED = Topic.v1("activation.expired", ActivationExpired.class);
    public static final Topic<CertificateIssued> CERTIFICATE_ISSUED = Topic.v1("certificate.issued", CertificateIssued.class);
    public static final Topic<CertificateRevoked> CERTIFICATE_REVOKED = Topic.v1("certificate.revoked", CertificateRevoked.class);
    public static final Topic<CertificateSuspended> CERTIFICATE_SUSPENDED = Topic.v1("certificate.suspended", CertificateSuspended.class);
    public static final Topic<CertificateReinstated> CERTIFICATE_REINSTATED = Topic.v1("certificate.reinstated", CertificateReinstated.class);
    public static final Topic<CertificateRenewalRequested> CERTIFICATE_RENEWAL_REQUESTED = Topic.v1("certificate.renewal-requested", CertificateRenewalRequested.class);
    public static final Topic<CertificateExpired> CERTIFICATE_EXPIRED = Topic.v1("certificate.expired", CertificateExpired.class);
    public static final Topic<DocumentSigned> DOCUMENT_SIGNED = Topic.v1("document.signed", DocumentSigned.class);

    public static final Topic<SystemClientDisabled> SYSTEM_CLIENT_DISABLED = Topic.v1("signing.client-disabled", SystemClientDisabled.class);

    public static final List<Topic<?>> ALL = List.of(REGISTRATION_SUBMITTED, ACCESS_TOKEN_REVOKED, ACTIVATION_REVIEW_REQUESTED, ACTIVATION_COMPLETED,
            ACTIVATION_REJECTED, ACTIVATION_EXPIRED, CERTIFICATE_ISSUED, CERTIFICATE_REVOKED,
            CERTIFICATE_SUSPENDED, CERTIFICATE_REINSTATED, CERTIFICATE_RENEWAL_REQUESTED, CERTIFICATE_EXPIRED, DOCUMENT_SIGNED,
            SYSTEM_CLIENT_DISABLED);

    private Topics() {
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
