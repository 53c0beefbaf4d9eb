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

    /** Live registrations (any status but NOT_REGISTERED) whose Email Dinas or Email SIASN is this address (any case). */
    java.util.List<Registration> findByEmail(String email);

    /** Whether a live registration of another NIP uses the address, as Email Dinas or Email SIASN. */
    boolean emailUsedByOther(String email, Nip nip);

    /** Live registrations with this NIK. */
    java.util.List<Registration> findAllByNik(id.teken.registration.domain.Nik nik);
}
