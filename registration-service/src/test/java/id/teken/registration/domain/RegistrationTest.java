package id.teken.registration.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationTest {

    private final Nip nip = Nip.of("198503152010011001");
    private final Nik nik = Nik.of("3502011503850001");
    private final EmailAddress siasn = new EmailAddress("budi@example.com");
    private final EmailDinas dinas = EmailDinas.parse("budi@ponorogo.go.id", "ponorogo.go.id");

    @Test
    void submit_startsAsNew() {
        Registration r = Registration.submit(nip, nik, siasn, dinas, Instant.now());
        assertThat(r.status()).isEqualTo(CertificateStatus.NEW);
        assertThat(r.isNew()).isTrue();
    }

    @Test
    void liveRegistration_refusesAnother() {
        Registration r = new Registration(nip, UUID.randomUUID(), nik, siasn, dinas, CertificateStatus.NEW, Instant.now(),
                Instant.now(), null, null, null, null, 0);
        assertThatThrownBy(() -> r.resubmit(nik, siasn, dinas, Instant.now()))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.ALREADY_REGISTERED);
    }

    @Test
    void afterRejection_aNewRegistrationGetsANewId() {
        UUID old = UUID.randomUUID();
        Registration r = new Registration(nip, old, nik, siasn, dinas, CertificateStatus.NOT_REGISTERED, Instant.now(),
                Instant.now(), null, null, null, null, 3);
        r.resubmit(nik, siasn, dinas, Instant.now());
        assertThat(r.status()).isEqualTo(CertificateStatus.NEW);
        assertThat(r.id()).isNotEqualTo(old);
    }

    @Test
    void onlyPnsAndPppk_areEligible() {
        assertThat(EmploymentStatus.fromDirectory("PNS").eligibleForCertificate()).isTrue();
        assertThat(EmploymentStatus.fromDirectory("p3k").eligibleForCertificate()).isTrue();
        assertThat(EmploymentStatus.fromDirectory("Honorer").eligibleForCertificate()).isFalse();
        assertThat(EmploymentStatus.fromDirectory(null)).isEqualTo(EmploymentStatus.OTHER);
    }
}
