package id.teken.activation.adapter.in.messaging;

import id.teken.activation.application.port.in.StartActivationUseCase;
import id.teken.activation.domain.Registrant;
import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import id.teken.events.Topics;
import id.teken.kit.consumer.EventHandler;
import id.teken.events.registration.RegistrationSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** registration.submitted -> start the activation (the runner makes it once per event). */
@ApplicationScoped
public class RegistrationSubmittedConsumer implements EventHandler<RegistrationSubmitted> {

    @Inject
    StartActivationUseCase startActivation;

    @Override
    public Topic<RegistrationSubmitted> topic() {
        return Topics.REGISTRATION_SUBMITTED;
    }

    @Override
    public void handle(EventEnvelope<RegistrationSubmitted> event) {
        RegistrationSubmitted r = event.payload();
        startActivation.start(new Registrant(r.registrationId(), r.nip(), r.nik(), r.nama(), r.emailDinas(),
                r.statusKepegawaian(), r.unitOrganisasi(), r.jabatan(), r.provinsi()));
    }
}
