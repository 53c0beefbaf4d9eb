package id.teken.registration.application.service;

import id.teken.registration.application.port.out.RegistrationRepository;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.EmailDinas;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Registration;

import java.time.Instant;
import java.util.Optional;

/** How a registration starts, for a self-registration and a verifier's enrolment alike. */
final class RegistrationStart {

    private RegistrationStart() {
    }

    /** The NIP's earlier registration, if any; refused while one lives, or when another live one has this Email Dinas. */
    static Optional<Registration> checkFree(RegistrationRepository registrations, Nip nip, EmailDinas emailDinas) {
        Optional<Registration> existing = registrations.find(nip);
        if (existing.isPresent() && !existing.get().status().allowsRegistration()) {
            throw existing.get().alreadyRegistered();
        }
        if (registrations.emailDinasTakenByOther(emailDinas, nip)) {
            throw new DomainException(ErrorCode.EMAIL_DINAS_IN_USE, "Email Dinas ini sudah dipakai pendaftar lain.");
        }
        return existing;
    }

    /** A new registration (status NEW), on the row of the earlier one when there is one. */
    static Registration begin(Optional<Registration> existing, Nip nip, Nik nik, EmailAddress emailSiasn, EmailDinas emailDinas,
                              Instant now) {
        if (existing.isPresent()) {
            existing.get().resubmit(nik, emailSiasn, emailDinas, now);
            return existing.get();
        }
        return Registration.submit(nip, nik, emailSiasn, emailDinas, now);
    }
}
