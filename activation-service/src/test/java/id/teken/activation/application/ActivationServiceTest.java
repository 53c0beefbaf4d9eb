package id.teken.activation.application;

import id.teken.devstack.MovableClock;

import id.teken.activation.application.port.in.UseActivationLinkUseCase.EmploymentCommand;
import id.teken.activation.application.port.out.ActivationEvents;
import id.teken.activation.application.port.out.ActivationMailer;
import id.teken.activation.application.port.out.ActivationRepository;
import id.teken.activation.application.port.out.AttemptThrottle;
import id.teken.activation.application.port.out.EmployeeDirectory;
import id.teken.activation.application.port.out.FaceVerification;
import id.teken.activation.application.port.out.SelfieVault;
import id.teken.activation.application.service.ActivationService;
import id.teken.activation.domain.Activation;
import id.teken.activation.domain.ActivationStatus;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.ErrorCode;
import id.teken.activation.domain.FaceResult;
import id.teken.activation.domain.Identity;
import id.teken.activation.domain.Registrant;
import id.teken.activation.domain.SelfieMetrics;
import id.teken.activation.domain.SelfiePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The activation link's life in the application service, with recording in-memory fakes of every out-port. */
class ActivationServiceTest {

    private static final Registrant BUDI = new Registrant("reg-1", "198503152010011001", "3502011503850001", "Budi Santoso",
            "budi.santoso@ponorogo.go.id", "PNS", "Diskominfo", "Pranata Komputer", "Jawa Timur", null);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

    private final Map<UUID, Activation> saved = new HashMap<>();
    private final List<String> mails = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> faceCalls = new ArrayList<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final List<UUID> stored = new ArrayList<>();
    private FaceResult.Outcome face = FaceResult.Outcome.MATCH;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));
    private String lastLink;

    private final ActivationRepository repository = new ActivationRepository() {
        public void save(Activation a) {
            saved.put(a.id(), a);
        }

        public Optional<Activation> findById(UUID id) {
            return Optional.ofNullable(saved.get(id));
        }

        public Optional<Activation> findByTokenHash(String hash) {
            return saved.values().stream().filter(a -> a.tokenHash().equals(hash)).findFirst();
        }

        public boolean existsForRegistration(String registrationId) {
            return saved.values().stream().anyMatch(a -> a.registrant().registrationId().equals(registrationId));
        }

        public List<Activation> findByStatus(ActivationStatus status, String nip) {
            return saved.values().stream().filter(a -> a.status() == status).toList();
        }

        public List<Activation> findDueToExpire(Instant at, int limit) {
            return saved.values().stream().filter(a -> a.dueToExpire(at)).limit(limit).toList();
        }
    };

    private ActivationService service() {
        ActivationMailer mailer = new ActivationMailer() {
            public void sendActivationLink(Registrant to, String link, Instant expiresAt) {
                mails.add(to.emailDinas() + " " + expiresAt);
                lastLink = link;
            }

            public void sendRejection(Registrant to, String reason) {
                mails.add("rejected " + to.emailDinas());
            }
        };
        ActivationEvents announcements = new ActivationEvents() {
            public void reviewRequested(Activation a) {
                events.add("review " + a.registrant().nip());
            }

            public void completed(Activation a) {
                events.add("completed " + a.registrant().nip());
            }

            public void rejected(Activation a) {
                events.add("rejected " + a.registrant().nip());
            }

            public void expired(Activation a) {
                events.add("expired " + a.registrant().nip());
            }
        };
        EmployeeDirectory siasn = nip -> nip.equals(BUDI.nip())
                ? Optional.of(new EmployeeDirectory.EmployeeRecord(nip, "Diskominfo", "Pranata Komputer", "Jawa Timur"))
                : nip.equals("199007222015032002") ? Optional.of(new EmployeeDirectory.EmployeeRecord(nip, "BKPSDM", "Analis", "Jawa Timur"))
                : Optional.empty();
        FaceVerification faces = (nik, type, selfie) -> {
            faceCalls.add(nik);
            return new FaceResult(face, 0.9);
        };
        SelfieVault vault = new SelfieVault() {
            public void store(UUID id, String type, byte[] image) {
                stored.add(id);
            }

            public Optional<StoredSelfie> load(UUID id) {
                return Optional.empty();
            }

            public int purgeDecidedBefore(Instant cutoff) {
                return 0;
            }
        };
        AttemptThrottle throttle = new AttemptThrottle() {
            public Optional<Duration> blocked(String key, int limit) {
                return failures.getOrDefault(key, 0) >= limit ? Optional.of(Duration.ofMinutes(15)) : Optional.empty();
            }

            public void recordFailure(String key) {
                failures.merge(key, 1, Integer::sum);
            }
        };
        ActivationSettings settings = new ActivationSettings(Duration.ofHours(24), "https://tte.ponorogo.go.id",
                "Pemerintah Kabupaten Ponorogo", "KP-2026-01", "PPSE-2026-01", new SelfiePolicy(5_000_000, 480, 480, 40, 220, 25),
                3, Duration.ofDays(30));
        return new ActivationService(repository, mailer, announcements, siasn, faces,
                (type, image) -> new SelfieMetrics(640, 640, 120, 60), vault, throttle, settings, clock);
    }

    private String token() {
        return lastLink.substring(lastLink.lastIndexOf('/') + 1);
    }

    private void walkToSubmit(ActivationService service, String name) {
        service.recordIdentity(token(), Identity.of(name, BUDI.nik(), "081234567890"), "10.0.0.1");
        service.recordEmployment(token(), EmploymentCommand.of("ASN_POLRI", BUDI.nip(), null, null), "10.0.0.1");
        service.recordSelfie(token(), "image/jpeg", JPEG, "10.0.0.1");
    }

    @Test
    void start_mailsOneLinkPerRegistration_whateverTheRepeats() {
        ActivationService service = service();
        service.start(BUDI);
        service.start(BUDI);
        assertThat(mails).containsExactly("budi.santoso@ponorogo.go.id 2026-12-02T03:00:00Z");
        assertThat(lastLink).startsWith("https://tte.ponorogo.go.id/aktivasi/");
        assertThat(saved.values()).singleElement().satisfies(a -> assertThat(a.tokenHash()).isNotEqualTo(token()));
    }

    @Test
    void theWholeLink_withAMatchingFace_activatesAtOnce_andAnnouncesIt() {
        ActivationService service = service();
        service.start(BUDI);
        walkToSubmit(service, "budi  SANTOSO");
        assertThat(stored).hasSize(1);
        assertThat(faceCalls).containsExactly(BUDI.nik());
        assertThat(service.submit(token(), true, true, "10.0.0.1")).isEqualTo(ActivationStatus.ACTIVATED);
        assertThat(events).containsExactly("completed " + BUDI.nip());
    }

    @Test
    void aFaceThatNeedsAPerson_orAnotherName_waitsForTheVerifier() {
        face = FaceResult.Outcome.REVIEW;
        ActivationService service = service();
        service.start(BUDI);
        walkToSubmit(service, "Budi Santoso");
        assertThat(service.submit(token(), true, true, "10.0.0.1")).isEqualTo(ActivationStatus.WAITING_FOR_VERIFICATION);
        assertThat(events).containsExactly("review " + BUDI.nip());
    }

    @Test
    void withoutBothConsents_nothingIsSubmittedOrAnnounced() {
        ActivationService service = service();
        service.start(BUDI);
        walkToSubmit(service, "Budi Santoso");
        assertThatThrownBy(() -> service.submit(token(), true, false, "10.0.0.1"))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.CONSENT_REQUIRED);
        assertThat(events).isEmpty();
    }

    @Test
    void someoneElsesNip_orAnUnknownOne_isRefused() {
        ActivationService service = service();
        service.start(BUDI);
        service.recordIdentity(token(), Identity.of("Budi Santoso", BUDI.nik(), "081234567890"), "10.0.0.1");
        assertThatThrownBy(() -> service.recordEmployment(token(), EmploymentCommand.of("ASN_POLRI", "199007222015032002", null, null),
                "10.0.0.1")).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.NIP_MISMATCH);
        assertThatThrownBy(() -> service.recordEmployment(token(), EmploymentCommand.of("ASN_POLRI", "199912312020121001", null, null),
                "10.0.0.1")).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.NIP_NOT_FOUND);
        assertThatThrownBy(() -> service.recordEmployment(token(), EmploymentCommand.of("ASN_POLRI", "19850315abc", null, null),
                "10.0.0.1")).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.NIP_INVALID);
    }

    @Test
    void aSelfieOfAnotherType_isRefused_beforeTheFaceServiceIsAsked() {
        ActivationService service = service();
        service.start(BUDI);
        service.recordIdentity(token(), Identity.of("Budi Santoso", BUDI.nik(), "081234567890"), "10.0.0.1");
        service.recordEmployment(token(), EmploymentCommand.of("ASN_POLRI", BUDI.nip(), null, null), "10.0.0.1");
        assertThatThrownBy(() -> service.recordSelfie(token(), "image/gif", JPEG, "10.0.0.1"))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.SELFIE_TYPE);
        assertThat(faceCalls).isEmpty();
        assertThat(stored).isEmpty();
    }

    @Test
    void unknownLinks_areCountedPerAddress_andThenThrottled_evenForAGoodLink() {
        ActivationService service = service();
        service.start(BUDI);
        for (String bad : List.of("x", "A".repeat(43), "B".repeat(43))) {
            assertThatThrownBy(() -> service.view(bad, "10.0.0.9")).extracting(e -> ((DomainException) e).code())
                    .isEqualTo(ErrorCode.LINK_UNKNOWN);
        }
        assertThatThrownBy(() -> service.view(token(), "10.0.0.9")).satisfies(e -> {
            assertThat(((DomainException) e).code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
            assertThat(((DomainException) e).retryAfter()).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(service.view(token(), "10.0.0.1").nama()).isEqualTo("Budi Santoso");
    }

    @Test
    void anExpiredLink_isExpiredOnce_announced_andNoLongerUsable() {
        ActivationService service = service();
        service.start(BUDI);
        clock.advance(Duration.ofHours(25));
        assertThat(service.expireDueLinks()).isEqualTo(1);
        assertThat(service.expireDueLinks()).isZero();
        assertThat(events).containsExactly("expired " + BUDI.nip());
        assertThatThrownBy(() -> service.view(token(), "10.0.0.1")).isInstanceOf(DomainException.class);
    }
}
