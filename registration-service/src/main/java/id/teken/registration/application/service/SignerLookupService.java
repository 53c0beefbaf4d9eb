package id.teken.registration.application.service;

import id.teken.registration.application.port.in.LookUpSignerUseCase;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.application.port.out.RegistrationRepository;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.util.Optional;

/** Finds a registration by NIP, NIK or email (refusing one that would name two people) and adds what the directory says of the person. */
@ApplicationScoped
@RequiredArgsConstructor
public class SignerLookupService implements LookUpSignerUseCase {

    private final RegistrationRepository registrations;
    private final EmployeeDirectory directory;

    @Override
    public Optional<Signer> find(String nip, String nik, String email) {
        int given = (blank(nip) ? 0 : 1) + (blank(nik) ? 0 : 1) + (blank(email) ? 0 : 1);
        if (given != 1) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Sebutkan tepat satu dari nip, nik atau email.");
        }
        Optional<Registration> found;
        if (!blank(nip)) {
            found = registrations.find(Nip.of(nip));
        } else if (!blank(nik)) {
            Nik parsed;
            try {
                parsed = Nik.of(nik);
            } catch (DomainException e) {
                if (nik.trim().matches("\\d{16}")) {
                    // Sixteen digits that are no real NIK (an impossible birth date, say): nobody registered with it.
                    return Optional.empty();
                }
                throw e;
            }
            found = unique(registrations.findAllByNik(parsed), "NIK");
        } else {
            if (email.length() > 254 || !email.contains("@")) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Email tidak valid.");
            }
            found = unique(registrations.findByEmail(email.trim()), "Email");
        }
        return found.map(this::toSigner);
    }

    /** One person, or none; never a guess between two (an address or NIK two live registrations share is refused). */
    private static Optional<Registration> unique(java.util.List<Registration> matches, String what) {
        if (matches.stream().map(r -> r.nip().value()).distinct().count() > 1) {
            throw new DomainException(ErrorCode.SIGNER_AMBIGUOUS, what + " ini dipakai lebih dari satu pendaftar; sebutkan "
                    + "penanda tangan dengan NIK atau NIP.");
        }
        return matches.stream().findFirst();
    }

    private Signer toSigner(Registration r) {
        Optional<Employee> employee;
        try {
            employee = directory.findByNip(r.nip());
        } catch (EmployeeDirectory.DirectoryUnavailable e) {
            employee = Optional.empty();
        }
        return new Signer(r.nip().value(), r.nik().value(), employee.map(Employee::nama).orElse(null),
                employee.map(Employee::jabatan).orElse(null), employee.map(Employee::unitOrganisasi).orElse(null),
                r.emailDinas().value(), r.status());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
