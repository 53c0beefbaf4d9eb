package id.teken.activation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One activation of one registration: a single-use expiring link, the steps in order (identity,
 * employment, selfie, submit), and the outcome (activated, waiting for a verifier, rejected, expired).
 */
public final class Activation {

    private final UUID id;
    private final Registrant registrant;
    private final Instant createdAt;
    private String tokenHash;
    private Instant expiresAt;
    private ActivationStatus status;
    private Identity identity;
    private Instant identityAt;
    private Employment employment;
    private Instant employmentAt;
    private boolean selfieStored;
    private FaceResult faceResult;
    private Instant selfieAt;
    private String privacyPolicyVersion;
    private String subscriberAgreementVersion;
    private Instant consentedAt;
    private Instant submittedAt;
    private final Set<ReviewReason> reviewReasons;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionReason;
    private final long version;

    public Activation(UUID id, Registrant registrant, Instant createdAt, String tokenHash, Instant expiresAt,
                      ActivationStatus status, Identity identity, Instant identityAt, Employment employment,
                      Instant employmentAt, boolean selfieStored, FaceResult faceResult, Instant selfieAt,
                      String privacyPolicyVersion, String subscriberAgreementVersion, Instant consentedAt,
                      Instant submittedAt, Set<ReviewReason> reviewReasons, String decidedBy, Instant decidedAt,
                      String decisionReason, long version) {
        this.id = id;
        this.registrant = registrant;
        this.createdAt = createdAt;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.status = status;
        this.identity = identity;
        this.identityAt = identityAt;
        this.employment = employment;
        this.employmentAt = employmentAt;
        this.selfieStored = selfieStored;
        this.faceResult = faceResult;
        this.selfieAt = selfieAt;
        this.privacyPolicyVersion = privacyPolicyVersion;
        this.subscriberAgreementVersion = subscriberAgreementVersion;
        this.consentedAt = consentedAt;
        this.submittedAt = submittedAt;
        this.reviewReasons = reviewReasons.isEmpty() ? EnumSet.noneOf(ReviewReason.class) : EnumSet.copyOf(reviewReasons);
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.decisionReason = decisionReason;
        this.version = version;
    }

    /** A new activation for a registration, its link valid until {@code expiresAt}. */
    public static Activation start(Registrant registrant, String tokenHash, Instant now, Instant expiresAt) {
        return new Activation(UUID.randomUUID(), registrant, now, tokenHash, expiresAt, ActivationStatus.LINK_SENT,
                null, null, null, null, false, null, null, null, null, null, null, EnumSet.noneOf(ReviewReason.class),
                null, null, null, -1);
    }

    /** The link may be used for the steps: not expired, not already submitted or closed. */
    public void checkLinkUsable(Instant now) {
        switch (status) {
            case LINK_SENT -> {
                if (!now.isBefore(expiresAt)) {
                    throw expired();
                }
            }
            case EXPIRED -> throw expired();
            case INVALIDATED -> throw new DomainException(ErrorCode.LINK_EXPIRED,
                    "Tautan aktivasi ini sudah tidak berlaku. Silakan registrasi ulang dari dasbor.");
            default -> throw new DomainException(ErrorCode.LINK_USED,
                    "Tautan aktivasi ini sudah digunakan. Status aktivasi Anda dapat dilihat di dasbor.");
        }
    }

    /** True when the link ran out without being submitted (for the expiry job). */
    public boolean dueToExpire(Instant now) {
        return status == ActivationStatus.LINK_SENT && !now.isBefore(expiresAt);
    }

    public Step nextStep() {
        if (identity == null) {
            return Step.IDENTITY;
        }
        if (employment == null) {
            return Step.EMPLOYMENT;
        }
        if (!selfieStored) {
            return Step.SELFIE;
        }
        return Step.SUBMIT;
    }

    public void recordIdentity(Identity given, Instant now) {
        checkLinkUsable(now);
        if (!given.nik().equals(registrant.nik())) {
            throw new DomainException(ErrorCode.NIK_MISMATCH, "NIK tidak sesuai dengan NIK yang didaftarkan.");
        }
        identity = given;
        identityAt = now;
    }

    public void recordEmployment(Employment given, Instant now) {
        checkLinkUsable(now);
        requireDone(Step.IDENTITY);
        employment = given;
        employmentAt = now;
    }

    public void recordSelfie(FaceResult result, Instant now) {
        checkLinkUsable(now);
        requireDone(Step.EMPLOYMENT);
        selfieStored = true;
        faceResult = result;
        selfieAt = now;
    }

    /** Submits with both consents; activated at once when nothing needs a person, else waiting. */
    public ActivationStatus submit(boolean privacyConsent, boolean agreementConsent, String privacyVersion,
                                   String agreementVersion, Instant now) {
        checkLinkUsable(now);
        requireDone(Step.SELFIE);
        if (!privacyConsent || !agreementConsent) {
            throw new DomainException(ErrorCode.CONSENT_REQUIRED,
                    "Anda harus menyetujui Kebijakan Privasi dan Perjanjian Pemilik Sertifikat Elektronik.");
        }
        privacyPolicyVersion = privacyVersion;
        subscriberAgreementVersion = agreementVersion;
        consentedAt = now;
        submittedAt = now;
        reviewReasons.clear();
        if (employment.kategori() == Kategori.LAINNYA) {
            reviewReasons.add(ReviewReason.KATEGORI_LAINNYA);
        }
        if (registrant.underContract()) {
            reviewReasons.add(ReviewReason.CONTRACT_STAFF);
        }
        if (faceResult.outcome() == FaceResult.Outcome.REVIEW) {
            reviewReasons.add(ReviewReason.FACE_REVIEW_REQUIRED);
        } else if (faceResult.outcome() == FaceResult.Outcome.NO_MATCH) {
            reviewReasons.add(ReviewReason.FACE_MISMATCH);
        }
        if (!Identity.sameName(identity.namaLengkap(), registrant.nama())) {
            reviewReasons.add(ReviewReason.NAME_DIFFERS);
        }
        status = reviewReasons.isEmpty() ? ActivationStatus.ACTIVATED : ActivationStatus.WAITING_FOR_VERIFICATION;
        if (status == ActivationStatus.ACTIVATED) {
            decidedAt = now;
        }
        return status;
    }

    public void approve(String verifierNip, Instant now) {
        requireWaiting();
        status = ActivationStatus.ACTIVATED;
        decidedBy = verifierNip;
        decidedAt = now;
    }

    public void reject(String verifierNip, String reason, Instant now) {
        requireWaiting();
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new DomainException(ErrorCode.REASON_REQUIRED, "Alasan penolakan wajib diisi (maksimal 500 karakter).");
        }
        status = ActivationStatus.REJECTED;
        decidedBy = verifierNip;
        decidedAt = now;
        decisionReason = reason.trim();
    }

    public void expire(Instant now) {
        if (!dueToExpire(now)) {
            throw new IllegalStateException("not due");
        }
        status = ActivationStatus.EXPIRED;
        decidedAt = now;
    }

    /** A verifier closes the link; the ASN must register again. */
    public void invalidate(String verifierNip, Instant now) {
        if (status != ActivationStatus.LINK_SENT) {
            throw new DomainException(ErrorCode.LINK_NOT_RENEWABLE, "Hanya tautan yang belum digunakan yang dapat dibatalkan.");
        }
        status = ActivationStatus.INVALIDATED;
        decidedBy = verifierNip;
        decidedAt = now;
    }

    /** A verifier sends a fresh link (the old one stops working); steps done so far are kept. */
    public void renewLink(String newTokenHash, Instant newExpiry, Instant now) {
        if (status != ActivationStatus.LINK_SENT) {
            throw new DomainException(ErrorCode.LINK_NOT_RENEWABLE, "Tautan hanya dapat dikirim ulang sebelum aktivasi dikirim.");
        }
        tokenHash = newTokenHash;
        expiresAt = newExpiry;
    }

    private void requireWaiting() {
        if (status != ActivationStatus.WAITING_FOR_VERIFICATION) {
            throw new DomainException(ErrorCode.NOT_AWAITING_DECISION, "Aktivasi ini berstatus " + status + ".");
        }
    }

    private void requireDone(Step step) {
        if (nextStep().ordinal() < step.ordinal() + 1) {
            throw new DomainException(ErrorCode.STEP_OUT_OF_ORDER,
                    "Selesaikan langkah " + nextStep() + " terlebih dahulu.");
        }
    }

    public List<String> reviewReasonNames() {
        List<String> names = new ArrayList<>();
        reviewReasons.forEach(r -> names.add(r.name()));
        return names;
    }

    private static DomainException expired() {
        return new DomainException(ErrorCode.LINK_EXPIRED,
                "Tautan aktivasi sudah kedaluwarsa. Silakan registrasi ulang dari dasbor untuk mendapatkan tautan baru.");
    }

    public UUID id() { return id; }
    /** For contract staff: when the contract ends (the certificate never outlasts it); null otherwise. */
    public Instant contractEndsAt() {
        return registrant.contractEndsAt();
    }

    public Registrant registrant() { return registrant; }
    public Instant createdAt() { return createdAt; }
    public String tokenHash() { return tokenHash; }
    public Instant expiresAt() { return expiresAt; }
    public ActivationStatus status() { return status; }
    public Optional<Identity> identity() { return Optional.ofNullable(identity); }
    public Instant identityAt() { return identityAt; }
    public Optional<Employment> employment() { return Optional.ofNullable(employment); }
    public Instant employmentAt() { return employmentAt; }
    public boolean selfieStored() { return selfieStored; }
    public Optional<FaceResult> faceResult() { return Optional.ofNullable(faceResult); }
    public Instant selfieAt() { return selfieAt; }
    public String privacyPolicyVersion() { return privacyPolicyVersion; }
    public String subscriberAgreementVersion() { return subscriberAgreementVersion; }
    public Instant consentedAt() { return consentedAt; }
    public Instant submittedAt() { return submittedAt; }
    public Set<ReviewReason> reviewReasons() { return EnumSet.copyOf(reviewReasons.isEmpty() ? EnumSet.noneOf(ReviewReason.class) : reviewReasons); }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionReason() { return decisionReason; }
    public long version() { return version; }
    public boolean isNew() { return version < 0; }
}
