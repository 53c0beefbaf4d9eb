package id.teken.registration.application.service;

import id.teken.registration.application.AccountSettings;
import id.teken.registration.application.port.in.EnrolContractStaffUseCase;
import id.teken.registration.application.port.out.AccountMailer;
import id.teken.registration.application.port.out.AccountRepository;
import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.application.port.out.ContractStaffRoster;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.application.port.out.EnrolmentAudit;
import id.teken.registration.application.port.out.PasswordResetLinks;
import id.teken.registration.application.port.out.RegistrationEvents;
import id.teken.registration.application.port.out.RegistrationRepository;
import id.teken.registration.domain.Account;
import id.teken.registration.domain.CivilRecord;
import id.teken.registration.domain.ContractStaffMember;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.PasswordResetLink;
import id.teken.registration.domain.PersonDetails;
import id.teken.registration.domain.Registration;
import id.teken.registration.domain.StaffNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/** Verifiers' enrolments of contract staff ("Pihak lain"): the same registration, reviewed, bounded by the contract. */
@ApplicationScoped
@RequiredArgsConstructor
public class ContractStaffService implements EnrolContractStaffUseCase {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final EmployeeDirectory directory;
    private final CivilRegistry civilRegistry;
    private final ContractStaffRoster roster;
    private final RegistrationRepository registrations;
    private final RegistrationEvents events;
    private final EnrolmentAudit audit;
    private final AccountRepository accounts;
    private final PasswordResetLinks links;
    private final AccountMailer mailer;
    private final AccountSettings settings;
    private final Clock clock;

    @Override
    @Transactional
    public Enrolment enrol(EnrolCommand command) {
        Instant now = clock.instant();
        Employee employee;
        boolean newAccount = false;
        if (command.nip().isPresent()) {
            employee = directory.findByNip(command.nip().get()).orElseThrow(() -> new DomainException(ErrorCode.EMPLOYEE_NOT_FOUND,
                    "Nomor pegawai tidak ada pada data kepegawaian. Bila tenaga kontrak ini memang tidak tercantum di sana, "
                            + "daftarkan dengan nama, unit dan jabatannya (tanpa NIP)."));
            if (employee.status().eligibleForCertificate()) {
                throw new DomainException(ErrorCode.SELF_REGISTRATION, "Pegawai ini " + employee.status()
                        + ": ia mendaftar sendiri melalui Dashboard, bukan melalui Verifikator.");
            }
            NikOwnership.check(civilRegistry, employee, command.nik());
        } else {
            ContractStaffMember member = rosterEntry(command, now);
            employee = directory.findByNip(member.nip()).orElseThrow();
            newAccount = openAccount(member, now);
        }
        Optional<Registration> existing = RegistrationStart.checkFree(registrations, employee.nip(), command.emailDinas());
        // Contract staff have no Email SIASN of their own unless the export holds one; the Email Dinas stands in for it.
        EmailAddress emailSiasn = employee.emailSiasn().orElse(command.emailDinas().address());
        Registration registration = RegistrationStart.begin(existing, employee.nip(), command.nik(), emailSiasn,
                command.emailDinas(), now).underContract(command.contract());
        registrations.save(registration);
        events.submitted(registration, employee);
        audit.enrolled(registration, command.contract());
        return new Enrolment(registration, employee.nama(), newAccount);
    }

    /**
     * The roster's entry of a person who is not in the export: the civil registry must know the NIK under the name given;
     * a NIK of someone in the export is refused (they are enrolled by that number); someone enrolled before keeps their
     * number (a renewed contract); anyone else gets the first free NIPTT, under a lock so that two enrolments never share one.
     */
    private ContractStaffMember rosterEntry(EnrolCommand command, Instant now) {
        PersonDetails person = command.person().orElseThrow();
        Optional<CivilRecord> record = civilRegistry.findByNik(command.nik());
        if (record.isEmpty() || record.get().birthDate().isEmpty() || !person.namedAs(record.get().nama())
                || !command.nik().agreesWith(record.get().birthDate().get(), command.nik().female())) {
            throw new DomainException(ErrorCode.NIK_NOT_VERIFIED, "NIK tidak dapat diverifikasi dengan nama ini pada data "
                    + "kependudukan. Periksa NIK dan nama lengkap sesuai KTP.");
        }
        // The registry's spelling is the one the certificate carries.
        PersonDetails named = new PersonDetails(record.get().nama().strip(), person.unitOrganisasi(), person.jabatan());
        roster.lockNumbering();
        Optional<ContractStaffMember> earlier = roster.findByNik(command.nik());
        if (earlier.isEmpty()) {
            Optional<Nip> employeeNip = directory.findNipByNik(command.nik());
            if (employeeNip.isPresent()) {
                throw new DomainException(ErrorCode.EMPLOYEE_EXISTS, "NIK ini milik pegawai pada data kepegawaian dengan NIP "
                        + employeeNip.get().value() + ": daftarkan dengan NIP tersebut.");
            }
        }
        ContractStaffMember member = earlier.map(m -> m.reenrolled(named, command.emailDinas(), command.verifier(), now))
                .orElseGet(() -> new ContractStaffMember(freeNumber(record.get(), now), command.nik(), named.nama(),
                        named.unitOrganisasi(), named.jabatan(), command.emailDinas(), command.verifier(), now));
        roster.save(member);
        return member;
    }

    private Nip freeNumber(CivilRecord record, Instant now) {
        return StaffNumber.candidates(record.birthDate().orElseThrow(), record.nik().female(), YearMonth.from(now.atZone(WIB)))
                .filter(nip -> directory.findByNip(nip).isEmpty() && accounts.find(nip).isEmpty())
                .findFirst().orElseThrow(() -> new DomainException(ErrorCode.SERVICE_BUSY,
                        "Nomor akun untuk tanggal lahir ini bulan ini sudah habis. Coba lagi bulan depan."));
    }

    /** A new account gets a mail with its number and a link to set the password; an account in use is left as it is. */
    private boolean openAccount(ContractStaffMember member, Instant now) {
        Optional<Account> account = accounts.find(member.nip());
        if (account.isPresent() && account.get().canLogIn()) {
            return false;
        }
        accounts.save(account.orElseGet(() -> Account.newInactive(member.nip(), now)));
        PasswordResetLink.Issued issued = PasswordResetLink.issue(member.nip(), now, settings.resetLinkValidity());
        links.save(issued.link());
        mailer.sendAccountCreated(member.emailDinas().address(), member.nama(), member.nip().value(),
                settings.publicUrl() + "/lupa-password/" + issued.token(), issued.link().expiresAt());
        return true;
    }
}
