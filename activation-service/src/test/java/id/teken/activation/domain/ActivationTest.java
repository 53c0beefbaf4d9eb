package id.teken.activation.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivationTest {

    private final Instant now = Instant.parse("2026-11-21T03:00:00Z");
    private final Registrant budi = new Registrant("r-1", "198503152010011001", "3502011503850001", "Budi Santoso",
            "budi@ponorogo.go.id", "PNS", "Dinas", "Pranata", "Jawa Timur", null);

    private Activation fresh() {
        return Activation.start(budi, "hash", now, now.plus(Duration.ofHours(24)));
    }

    private static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("expected a DomainException");
    }

    private Employment asn() {
        return new Employment(Kategori.ASN_POLRI, "198503152010011001", "Dinas", "Pranata", "Jawa Timur", true);
    }

    @Test
    void stepsMustComeInOrder() {
        Activation a = fresh();
        assertThat(a.nextStep()).isEqualTo(Step.IDENTITY);
        assertThat(code(() -> a.recordEmployment(asn(), now))).isEqualTo(ErrorCode.STEP_OUT_OF_ORDER);
        assertThat(code(() -> a.recordSelfie(FaceResult.review(), now))).isEqualTo(ErrorCode.STEP_OUT_OF_ORDER);
        assertThat(code(() -> a.submit(true, true, "v1", "v1", now))).isEqualTo(ErrorCode.STEP_OUT_OF_ORDER);
        a.recordIdentity(Identity.of("Budi Santoso", "3502011503850001", "0812-3456-7890"), now);
        assertThat(code(() -> a.recordSelfie(FaceResult.review(), now))).isEqualTo(ErrorCode.STEP_OUT_OF_ORDER);
        a.recordEmployment(asn(), now);
        a.recordSelfie(new FaceResult(FaceResult.Outcome.MATCH, 0.93), now);
        assertThat(a.nextStep()).isEqualTo(Step.SUBMIT);
    }

    @Test
    void nikMustMatchTheRegistration() {
        Activation a = fresh();
        assertThat(code(() -> a.recordIdentity(Identity.of("Budi Santoso", "3502011503850002", "081234567890"), now)))
                .isEqualTo(ErrorCode.NIK_MISMATCH);
    }

    @Test
    void everythingChecked_activatesAtOnce_elseAVerifierDecides() {
        Activation a = fresh();
        a.recordIdentity(Identity.of("BUDI  santoso", "3502011503850001", "+6281234567890"), now);
        a.recordEmployment(asn(), now);
        a.recordSelfie(new FaceResult(FaceResult.Outcome.MATCH, 0.93), now);
        assertThat(code(() -> a.submit(true, false, "KP-1", "PPSE-1", now))).isEqualTo(ErrorCode.CONSENT_REQUIRED);
        assertThat(a.submit(true, true, "KP-1", "PPSE-1", now)).isEqualTo(ActivationStatus.ACTIVATED);
        assertThat(a.privacyPolicyVersion()).isEqualTo("KP-1");
        assertThat(a.consentedAt()).isEqualTo(now);
        assertThat(code(() -> a.checkLinkUsable(now))).isEqualTo(ErrorCode.LINK_USED);

        Activation b = fresh();
        b.recordIdentity(Identity.of("Budi S.", "3502011503850001", "081234567890"), now);
        b.recordEmployment(new Employment(Kategori.LAINNYA, null, "Sekretariat", "Kontrak", "Jawa Timur", false), now);
        b.recordSelfie(FaceResult.review(), now);
        assertThat(b.submit(true, true, "KP-1", "PPSE-1", now)).isEqualTo(ActivationStatus.WAITING_FOR_VERIFICATION);
        assertThat(b.reviewReasons()).containsExactlyInAnyOrder(ReviewReason.KATEGORI_LAINNYA,
                ReviewReason.FACE_REVIEW_REQUIRED, ReviewReason.NAME_DIFFERS);
        assertThat(code(() -> b.reject("v", " ", now))).isEqualTo(ErrorCode.REASON_REQUIRED);
        b.reject("197812012005041003", "Swafoto tidak sesuai", now);
        assertThat(b.status()).isEqualTo(ActivationStatus.REJECTED);
        assertThat(code(() -> b.approve("v", now))).isEqualTo(ErrorCode.NOT_AWAITING_DECISION);
    }

    @Test
    void contractStaff_enrolledByAVerifier_areAlwaysReviewed_evenWhenEveryCheckPasses() {
        Instant contractEnds = now.plus(Duration.ofDays(200));
        Registrant joko = new Registrant("r-2", "199206102019031006", "3502071006920006", "Joko Susilo", "joko@ponorogo.go.id",
                "OTHER", "Sekretariat Daerah", "Tenaga Kontrak", "Jawa Timur", contractEnds);
        Activation a = Activation.start(joko, "hash2", now, now.plus(Duration.ofHours(24)));
        a.recordIdentity(Identity.of("Joko Susilo", "3502071006920006", "081234567890"), now);
        a.recordEmployment(new Employment(Kategori.ASN_POLRI, "199206102019031006", "Sekretariat Daerah", "Tenaga Kontrak",
                "Jawa Timur", true), now);
        a.recordSelfie(new FaceResult(FaceResult.Outcome.MATCH, 0.97), now);
        assertThat(a.submit(true, true, "KP-1", "PPSE-1", now)).isEqualTo(ActivationStatus.WAITING_FOR_VERIFICATION);
        assertThat(a.reviewReasons()).containsExactly(ReviewReason.CONTRACT_STAFF);
        assertThat(a.contractEndsAt()).isEqualTo(contractEnds);
        assertThat(fresh().contractEndsAt()).isNull();
    }

    @Test
    void linkExpires_andThenCannotBeUsed() {
        Activation a = fresh();
        Instant later = now.plus(Duration.ofHours(24));
        assertThat(a.dueToExpire(later)).isTrue();
        assertThat(code(() -> a.checkLinkUsable(later))).isEqualTo(ErrorCode.LINK_EXPIRED);
        a.expire(later);
        assertThat(a.status()).isEqualTo(ActivationStatus.EXPIRED);
        assertThat(code(() -> a.checkLinkUsable(now))).isEqualTo(ErrorCode.LINK_EXPIRED);
        assertThat(code(() -> a.renewLink("h2", later, later))).isEqualTo(ErrorCode.LINK_NOT_RENEWABLE);
    }

    @Test
    void phonesAndNames() {
        assertThat(Identity.of(" Siti  Rahayu ", "3502106207900002", "0812 3456 7890").nomorTelepon()).isEqualTo("+6281234567890");
        assertThat(Identity.of("Siti", "3502106207900002", "6285712345678").nomorTelepon()).isEqualTo("+6285712345678");
        assertThat(code(() -> Identity.of("Siti", "3502106207900002", "0212345678"))).isEqualTo(ErrorCode.PHONE_INVALID);
        assertThat(code(() -> Identity.of("Siti", "3502106207900002", "0812"))).isEqualTo(ErrorCode.PHONE_INVALID);
        assertThat(code(() -> Identity.of("Siti", "3502106207900002", null))).isEqualTo(ErrorCode.PHONE_INVALID);
        assertThat(code(() -> Identity.of("Siti<script>", "3502106207900002", "081234567890"))).isEqualTo(ErrorCode.NAMA_INVALID);
        assertThat(code(() -> Identity.of("", "3502106207900002", "081234567890"))).isEqualTo(ErrorCode.NAMA_INVALID);
        assertThat(code(() -> Identity.of("Siti", "35021062079", "081234567890"))).isEqualTo(ErrorCode.NIK_INVALID);
        assertThat(Identity.sameName("Siti Rahayu", "SITI  RAHAYU")).isTrue();
        assertThat(Identity.sameName("Siti Rahayu", "Siti Rahayu S.Kom")).isFalse();
        // Look-alikes that a lossy comparison let through: full-width, Cyrillic, dotless i, accents.
        assertThat(Identity.sameName("\uFF33iti Rahayu", "Siti Rahayu")).isFalse();
        assertThat(Identity.sameName("Siti R\u0430hayu", "Siti Rahayu")).isFalse();
        assertThat(Identity.sameName("S\u0131ti Rahayu", "Siti Rahayu")).isFalse();
        assertThat(Identity.sameName("Sit\u00ed Rahayu", "Siti Rahayu")).isFalse();
        assertThat(code(() -> Kategori.parse("PNS"))).isEqualTo(ErrorCode.KATEGORI_INVALID);
        assertThat(Kategori.parse("lainnya")).isEqualTo(Kategori.LAINNYA);
    }

    @Test
    void selfiePolicy_explainsEachFault() {
        SelfiePolicy policy = new SelfiePolicy(5 * 1024 * 1024, 480, 480, 40, 220, 25);
        assertThat(code(() -> policy.checkSize(6L * 1024 * 1024))).isEqualTo(ErrorCode.SELFIE_TOO_LARGE);
        assertThat(code(() -> policy.checkSize(0))).isEqualTo(ErrorCode.SELFIE_UNREADABLE);
        assertThat(code(() -> policy.check(new SelfieMetrics(320, 240, 120, 300)))).isEqualTo(ErrorCode.SELFIE_TOO_SMALL);
        assertThat(code(() -> policy.check(new SelfieMetrics(640, 800, 20, 300)))).isEqualTo(ErrorCode.SELFIE_TOO_DARK);
        assertThat(code(() -> policy.check(new SelfieMetrics(640, 800, 240, 300)))).isEqualTo(ErrorCode.SELFIE_TOO_BRIGHT);
        assertThat(code(() -> policy.check(new SelfieMetrics(640, 800, 120, 3)))).isEqualTo(ErrorCode.SELFIE_BLURRED);
        policy.check(new SelfieMetrics(640, 800, 120, 300));
    }

    @Test
    void linkTokens_areRandomAndOnlyTheirHashIsKept() {
        String a = LinkToken.generate();
        assertThat(a).hasSize(43).isNotEqualTo(LinkToken.generate());
        assertThat(LinkToken.hash(a)).hasSize(64).doesNotContain(a);
        assertThat(LinkToken.wellFormed(a)).isTrue();
        assertThat(LinkToken.wellFormed("abc")).isFalse();
    }
}
