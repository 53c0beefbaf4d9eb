package id.teken.activation.adapter.in.messaging;

import id.teken.activation.application.port.in.StartActivationUseCase;
import id.teken.activation.domain.Registrant;
import id.teken.events.Topics;
import id.teken.events.registration.RegistrationSubmitted;
import id.teken.kit.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** registration.submitted -> start the activation (the runner makes it once per event). */
@ApplicationScoped
public class RegistrationSubmittedConsumer {

    @Inject
    StartActivationUseCase startActivation;

    @Produces
    @Singleton
    EventHandler<RegistrationSubmitted> submitted() {
        return EventHandler.on(Topics.REGISTRATION_SUBMITTED, event -> {
            RegistrationSubmitted r = event.payload();
            startActivation.start(new Registrant(r.registrationId(), r.nip(), r.nik(), r.nama(), r.emailDinas(),
                    r.statusKepegawaian(), r.unitOrganisasi(), r.jabatan(), r.provinsi(), r.contractEndsAt()));
        });
    }
}
