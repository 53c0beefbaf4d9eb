package id.teken.activation.adapter.out.messaging;

import id.teken.activation.config.ActivationConfig;
import id.teken.activation.application.port.out.ActivationEvents;
import id.teken.activation.domain.Activation;
import id.teken.activation.domain.Employment;
import id.teken.activation.domain.Identity;
import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import id.teken.events.activation.ActivationExpired;
import id.teken.events.activation.ActivationRejected;
import id.teken.events.activation.ActivationReviewRequested;
import id.teken.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Activation outcomes into the outbox (key: registration id); never the selfie or the link token. The name that goes
 * into the certificate is the registrant's from the directory, never what was typed in the portal.
 */
@ApplicationScoped
public class OutboxActivationEvents implements ActivationEvents {

    @Inject
    ActivationConfig config;

    @Inject
    Outbox outbox;

    @Override
    public void reviewRequested(Activation a) {
        outbox.append(Topics.ACTIVATION_REVIEW_REQUESTED, a.registrant().registrationId(), new ActivationReviewRequested(
                a.id().toString(), a.registrant().registrationId(), a.registrant().nip(), a.reviewReasonNames(), a.submittedAt()));
    }

    @Override
    public void completed(Activation a) {
        Identity i = a.identity().orElseThrow();
        Employment e = a.employment().orElseThrow();
        outbox.append(Topics.ACTIVATION_COMPLETED, a.registrant().registrationId(), new ActivationCompleted(
                a.id().toString(), a.registrant().registrationId(), a.registrant().nip(), i.nik(), a.registrant().nama(),
                a.registrant().emailDinas(), i.nomorTelepon(), e.kategori().name(), config.tenant().instansi(), e.unitOrganisasi(),
                e.jabatan(), e.provinsi(), a.privacyPolicyVersion(), a.subscriberAgreementVersion(), a.consentedAt(),
                a.decidedBy(), a.decidedAt(), a.contractEndsAt()));
    }

    @Override
    public void rejected(Activation a) {
        outbox.append(Topics.ACTIVATION_REJECTED, a.registrant().registrationId(), new ActivationRejected(
                a.id().toString(), a.registrant().registrationId(), a.registrant().nip(), a.decisionReason(),
                a.decidedBy(), a.decidedAt()));
    }

    @Override
    public void expired(Activation a) {
        outbox.append(Topics.ACTIVATION_EXPIRED, a.registrant().registrationId(), new ActivationExpired(
                a.id().toString(), a.registrant().registrationId(), a.registrant().nip(), a.decidedAt()));
    }
}
