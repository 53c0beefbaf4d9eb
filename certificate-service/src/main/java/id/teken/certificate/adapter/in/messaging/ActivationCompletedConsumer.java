package id.teken.certificate.adapter.in.messaging;

import id.teken.certificate.application.port.in.OpenSubscriptionUseCase;
import id.teken.certificate.domain.SubscriberIdentity;
import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import id.teken.kit.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** activation.completed -> open the subscription (account mail and set-passphrase link). */
@ApplicationScoped
public class ActivationCompletedConsumer implements EventHandler<ActivationCompleted> {

    @Inject
    OpenSubscriptionUseCase subscriptions;

    @Override
    public Topic<ActivationCompleted> topic() {
        return Topics.ACTIVATION_COMPLETED;
    }

    @Override
    public void handle(EventEnvelope<ActivationCompleted> event) {
        ActivationCompleted a = event.payload();
        subscriptions.open(a.registrationId(), new SubscriberIdentity(a.nip(), a.nik(), a.namaLengkap(), a.emailDinas(),
                a.instansi(), a.unitOrganisasi(), a.jabatan(), a.provinsi()));
    }
}
