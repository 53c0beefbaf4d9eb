package id.teken.registration.adapter.out.messaging;

import id.teken.events.Topics;
import id.teken.kit.outbox.Outbox;
import id.teken.events.registration.RegistrationSubmitted;
import id.teken.registration.application.port.out.RegistrationEvents;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Registration facts into the outbox, in the caller's transaction; the relay takes them to Kafka. */
@ApplicationScoped
public class OutboxRegistrationEvents implements RegistrationEvents {

    @Inject
    Outbox outbox;

    @Override
    public void submitted(Registration r, Employee e) {
        outbox.append(Topics.REGISTRATION_SUBMITTED, r.id().toString(), new RegistrationSubmitted(
                r.id().toString(), r.nip().value(), r.nik().value(), e.nama(), r.emailSiasn().value(),
                r.emailDinas().value(), e.status().name(), e.instansi(), e.unitOrganisasi(), e.jabatan(),
                e.provinsi(), r.registeredAt(), r.contract().map(c -> c.endsAt()).orElse(null)));
    }
}
