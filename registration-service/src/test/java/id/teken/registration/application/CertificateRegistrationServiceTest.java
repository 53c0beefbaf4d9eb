package id.teken.registration.application;

import java.time.Instant;

import id.teken.devstack.MovableClock;

import id.teken.registration.application.port.in.RegisterForCertificateCommand;
import id.teken.registration.application.service.CertificateRegistrationService;
import id.teken.registration.domain.CertificateStatus;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Registration;
import org.junit.jupiter.api.Test;

import static id.teken.registration.application.Fakes.BUDI;
import static id.teken.registration.application.Fakes.BUDI_NIK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateRegistrationServiceTest {

    private final Fakes.Directory directory = new Fakes.Directory();
    private final Fakes.Registrations registrations = new Fakes.Registrations();
    private final Fakes.Events events = new Fakes.Events();
    private final CertificateRegistrationService service = new CertificateRegistrationService(directory, directory,
            registrations, new Fakes.Accounts(), events, new MovableClock(Instant.parse("2026-11-21T03:00:00Z")));

    private RegisterForCertificateCommand command(Nip nip, String nik, String dinas) {
        String siasn = directory.findByNip(nip).flatMap(e -> e.emailSiasn()).map(Object::toString).orElse("pribadi@example.com");
        return RegisterForCertificateCommand.of(nip, nik, siasn, dinas, "ponorogo.go.id");
    }

    @Test
    void registration_becomesNew_andIsAnnounced() {
        Registration r = service.register(command(BUDI, BUDI_NIK.value(), "budi@ponorogo.go.id"));
        assertThat(r.status()).isEqualTo(CertificateStatus.NEW);
        assertThat(events.submitted).extracting(Registration::id).containsExactly(r.id());
        assertThat(service.registration(BUDI)).hasValueSatisfying(x -> assertThat(x.status()).isEqualTo(CertificateStatus.NEW));
    }

    @Test
    void registeringTwice_isAConflict_andAnnouncesNothingMore() {
        service.register(command(BUDI, BUDI_NIK.value(), "budi@ponorogo.go.id"));
        assertThatThrownBy(() -> service.register(command(BUDI, BUDI_NIK.value(), "budi@ponorogo.go.id")))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.ALREADY_REGISTERED);
        assertThat(events.submitted).hasSize(1);
    }

    @Test
    void notEligible_isRefused() {
        assertThatThrownBy(() -> service.register(command(Fakes.JOKO, "3502071006920006", "joko@ponorogo.go.id")))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.NOT_ELIGIBLE);
        assertThat(events.submitted).isEmpty();
    }

    @Test
    void someoneElsesNik_andAnUnknownNik_getOneAndTheSameAnswer() {
        DomainException other = catchDomain(() -> service.verifyNik(BUDI, Nik.of("3502071006920006")));
        DomainException unknown = catchDomain(() -> service.verifyNik(BUDI, Nik.of("3502011503850099")));
        assertThat(other.code()).isEqualTo(unknown.code()).isEqualTo(ErrorCode.NIK_NOT_VERIFIED);
        assertThat(other.getMessage()).isEqualTo(unknown.getMessage());
    }

    @Test
    void emailSiasn_isTheDirectorys_notWhatWasTyped() {
        Registration r = service.register(RegisterForCertificateCommand.of(BUDI, BUDI_NIK.value(), "rekan.kerja@example.com",
                "budi@ponorogo.go.id", "ponorogo.go.id"));
        assertThat(r.emailSiasn().value()).isEqualTo("budi@example.com");
    }

    @Test
    void withoutAnEmailSiasnInTheDirectory_theTypedOneMustNotBeAnotherRegistrantsAddress() {
        service.register(command(BUDI, BUDI_NIK.value(), "budi@ponorogo.go.id"));
        assertThat(catchDomain(() -> service.register(RegisterForCertificateCommand.of(Fakes.SRI, "3502077007810009", "budi@example.com",
                "sri@ponorogo.go.id", "ponorogo.go.id"))).code()).isEqualTo(ErrorCode.EMAIL_SIASN_IN_USE);
        assertThat(catchDomain(() -> service.register(RegisterForCertificateCommand.of(Fakes.SRI, "3502077007810009", "budi@ponorogo.go.id",
                "sri@ponorogo.go.id", "ponorogo.go.id"))).code()).isEqualTo(ErrorCode.EMAIL_SIASN_IN_USE);
        assertThat(service.register(RegisterForCertificateCommand.of(Fakes.SRI, "3502077007810009", "sri.pribadi@example.com",
                "sri@ponorogo.go.id", "ponorogo.go.id")).emailSiasn().value()).isEqualTo("sri.pribadi@example.com");
    }

    private static DomainException catchDomain(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a DomainException");
    }

    @Test
    void withoutANikInTheDirectory_nameAndBirthDateDecide() {
        assertThat(service.verifyNik(Fakes.SRI, Nik.of("3502077007810009")).nama()).isEqualTo("Sri Wahyuni");
        assertThatThrownBy(() -> service.verifyNik(Fakes.SRI, Nik.of("3502077007810010")))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.NIK_NOT_VERIFIED);
    }

    @Test
    void unknownEmployee_isNotFound() {
        assertThatThrownBy(() -> service.verifyNik(Nip.of("199912312020121001"), BUDI_NIK))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.EMPLOYEE_NOT_FOUND);
    }

    @Test
    void emailDinasOfAnotherLiveRegistration_isAConflict() {
        directory.add(Fakes.employee(Nip.of("199007222015032002"), Nik.of("3502106207900002"), "Siti Rahayu",
                id.teken.registration.domain.EmploymentStatus.PNS, "siti@example.com"));
        service.register(command(BUDI, BUDI_NIK.value(), "bersama@ponorogo.go.id"));
        assertThatThrownBy(() -> service.register(command(Nip.of("199007222015032002"), "3502106207900002", "BERSAMA@ponorogo.go.id")))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.EMAIL_DINAS_IN_USE);
    }
}
