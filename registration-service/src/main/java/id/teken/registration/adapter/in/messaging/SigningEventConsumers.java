package id.teken.registration.adapter.in.messaging;

import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import id.teken.events.Topics;
import id.teken.kit.consumer.EventHandler;
import id.teken.events.signing.SystemClientDisabled;
import id.teken.registration.application.port.in.NotifyAdminsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** signing.* events the ADMINs must hear of. */
public final class SigningEventConsumers {

    private SigningEventConsumers() {
    }

    /** signing.client-disabled -> a mail to every ADMIN. */
    @ApplicationScoped
    public static class ClientDisabled implements EventHandler<SystemClientDisabled> {
        @Inject
        NotifyAdminsUseCase admins;

        @Override
        public Topic<SystemClientDisabled> topic() {
            return Topics.SYSTEM_CLIENT_DISABLED;
        }

        @Override
        public void handle(EventEnvelope<SystemClientDisabled> event) {
            SystemClientDisabled d = event.payload();
            admins.clientDisabled(d.clientUsername(), d.reason(), d.failures(), d.disabledAt());
        }
    }
}
