package id.teken.registration.application.port.out;

import id.teken.registration.domain.EmailDinas;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Registration;

import java.util.Optional;

/** Stored registrations. {@link #save} refuses a concurrent change with ALREADY_REGISTERED. */
public interface RegistrationRepository {

    Optional<Registration> find(Nip nip);

    Optional<Registration> findByRegistrationId(java.util.UUID registrationId);

    void save(Registration registration);

    boolean emailDinasTakenByOther(EmailDinas emailDinas, Nip nip);

    /** The most recently changed registration with this NIK. */
    Optional<Registration> findByNik(id.teken.registration.domain.Nik nik);

    /** The most recently changed registration whose Email Dinas or Email SIASN is this address (any case). */
    Optional<Registration> findByEmail(String email);
}
