package id.teken.registration.application.service;

import id.teken.registration.application.port.in.RegisterForCertificateCommand;
import id.teken.registration.application.port.in.RegisterForCertificateUseCase;
import id.teken.registration.application.port.in.VerifyNikUseCase;
import id.teken.registration.application.port.in.ViewCertificateStatusUseCase;
import id.teken.registration.application.port.in.ViewProfileUseCase;
import id.teken.registration.application.port.out.AccountRepository;
import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.application.port.out.RegistrationEvents;
import id.teken.registration.application.port.out.RegistrationRepository;
import id.teken.registration.domain.Account;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Registration;
import id.teken.registration.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

/** The dashboard's certificate part: profile, status, NIK verification and registration. */
@ApplicationScoped
@RequiredArgsConstructor
public class CertificateRegistrationService implements ViewProfileUseCase, ViewCertificateStatusUseCase,
        VerifyNikUseCase, RegisterForCertificateUseCase {

    private final EmployeeDirectory directory;
    private final CivilRegistry civilRegistry;
    private final RegistrationRepository registrations;
    private final AccountRepository accounts;
    private final RegistrationEvents events;
    private final Clock clock;

    @Override
    @Transactional
    public Profile profile(Nip nip) {
        Employee employee = employee(nip);
        return new Profile(employee, accounts.find(nip).map(Account::roles).orElse(EnumSet.of(Role.ASN)));
    }

    @Override
    @Transactional
    public Optional<Registration> registration(Nip nip) {
        return registrations.find(nip);
    }

    @Override
    @Transactional
    public NikVerified verifyNik(Nip nip, Nik nik) {
        return new NikVerified(nik, NikOwnership.check(civilRegistry, employee(nip), nik).nama());
    }

    @Override
    @Transactional
    public Registration register(RegisterForCertificateCommand command) {
        Employee employee = employee(command.nip());
        if (!employee.status().eligibleForCertificate()) {
            throw new DomainException(ErrorCode.NOT_ELIGIBLE, "Pendaftaran mandiri hanya untuk PNS dan PPPK. "
                    + "Pegawai lain mendaftar melalui jalur Lainnya dengan persetujuan Verifikator TTE.");
        }
        NikOwnership.check(civilRegistry, employee, command.nik());
        Optional<Registration> existing = RegistrationStart.checkFree(registrations, command.nip(), command.emailDinas());
        EmailAddress emailSiasn = emailSiasn(employee, command);
        Registration registration = RegistrationStart.begin(existing, command.nip(), command.nik(), emailSiasn,
                command.emailDinas(), clock.instant());
        registrations.save(registration);
        events.submitted(registration, employee);
        return registration;
    }

    /**
     * Email SIASN is what SIASN holds, not what was typed (the typed one is ignored when the directory has one). Only when
     * the directory has none is the typed one kept, and then it must not be an address another live registration uses (so
     * nobody can make a colleague's address resolve to themselves).
     */
    private EmailAddress emailSiasn(Employee employee, RegisterForCertificateCommand command) {
        if (employee.emailSiasn().isPresent()) {
            return employee.emailSiasn().get();
        }
        if (registrations.emailUsedByOther(command.emailSiasn().value(), command.nip())) {
            throw new DomainException(ErrorCode.EMAIL_SIASN_IN_USE, "Email SIASN ini sudah dipakai pendaftar lain.");
        }
        return command.emailSiasn();
    }

    private Employee employee(Nip nip) {
        return directory.findByNip(nip).orElseThrow(() -> new DomainException(ErrorCode.EMPLOYEE_NOT_FOUND,
                "NIP tidak ditemukan pada data kepegawaian."));
    }

}
