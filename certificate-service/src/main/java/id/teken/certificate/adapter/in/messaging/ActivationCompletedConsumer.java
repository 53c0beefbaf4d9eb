package id.teken.certificate.adapter.in.messaging;

import id.teken.certificate.application.port.in.OpenSubscriptionUseCase;
import id.teken.certificate.domain.SubscriberIdentity;
import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import id.teken.kit.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** activation.completed -> open the subscription (account mail and set-passphrase link). */
@ApplicationScoped
public class ActivationCompletedConsumer {

    @Inject
    OpenSubscriptionUseCase subscriptions;

    @Produces
    @Singleton
    EventHandler<ActivationCompleted> completed() {
        return EventHandler.on(Topics.ACTIVATION_COMPLETED, event -> {
            ActivationCompleted a = event.payload();
            subscriptions.open(a.registrationId(), new SubscriberIdentity(a.nip(), a.nik(), a.namaLengkap(), a.emailDinas(),
                    a.instansi(), a.unitOrganisasi(), a.jabatan(), a.provinsi()), a.contractEndsAt());
        });
    }
}
