package id.teken.registration.application.service;

import id.teken.registration.application.port.in.EnrolContractStaffUseCase;
import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.application.port.out.EnrolmentAudit;
import id.teken.registration.application.port.out.RegistrationEvents;
import id.teken.registration.application.port.out.RegistrationRepository;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.util.Optional;

/** Verifiers' enrolments of contract staff ("Pihak lain"): the same registration, reviewed, bounded by the contract. */
@ApplicationScoped
@RequiredArgsConstructor
public class ContractStaffService implements EnrolContractStaffUseCase {

    private final EmployeeDirectory directory;
    private final CivilRegistry civilRegistry;
    private final RegistrationRepository registrations;
    private final RegistrationEvents events;
    private final EnrolmentAudit audit;
    private final Clock clock;

    @Override
    @Transactional
    public Registration enrol(EnrolCommand command) {
        Employee employee = directory.findByNip(command.nip()).orElseThrow(() -> new DomainException(ErrorCode.EMPLOYEE_NOT_FOUND,
                "Nomor pegawai tidak ada pada data kepegawaian. Tenaga kontrak didaftarkan dulu oleh pengelola kepegawaian (BKPSDM)."));
        if (employee.status().eligibleForCertificate()) {
            throw new DomainException(ErrorCode.SELF_REGISTRATION, "Pegawai ini " + employee.status()
                    + ": ia mendaftar sendiri melalui Dashboard, bukan melalui Verifikator.");
        }
        NikOwnership.check(civilRegistry, employee, command.nik());
        Optional<Registration> existing = RegistrationStart.checkFree(registrations, command.nip(), command.emailDinas());
        // Contract staff have no Email SIASN of their own unless the export holds one; the Email Dinas stands in for it.
        EmailAddress emailSiasn = employee.emailSiasn().orElse(command.emailDinas().address());
        Registration registration = RegistrationStart.begin(existing, command.nip(), command.nik(), emailSiasn,
                command.emailDinas(), clock.instant()).underContract(command.contract());
        registrations.save(registration);
        events.submitted(registration, employee);
        audit.enrolled(registration, command.contract());
        return registration;
    }
}
