package id.teken.registration.adapter.in.messaging;

import id.teken.events.Topics;
import id.teken.events.signing.SystemClientDisabled;
import id.teken.kit.consumer.EventHandler;
import id.teken.registration.application.port.in.NotifyAdminsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** signing.* events the ADMINs must hear of. */
@ApplicationScoped
public class SigningEventConsumers {

    @Inject
    NotifyAdminsUseCase admins;

    /** signing.client-disabled -> a mail to every ADMIN. */
    @Produces
    @Singleton
    EventHandler<SystemClientDisabled> clientDisabled() {
        return EventHandler.on(Topics.SYSTEM_CLIENT_DISABLED, event -> {
            SystemClientDisabled d = event.payload();
            admins.clientDisabled(d.clientUsername(), d.reason(), d.failures(), d.disabledAt());
        });
    }
}
