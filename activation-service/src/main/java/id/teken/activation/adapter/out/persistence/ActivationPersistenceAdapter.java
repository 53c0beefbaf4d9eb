package id.teken.activation.adapter.out.persistence;

import id.teken.activation.application.port.out.ActivationRepository;
import id.teken.activation.domain.Activation;
import id.teken.activation.domain.ActivationStatus;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.Employment;
import id.teken.activation.domain.ErrorCode;
import id.teken.activation.domain.FaceResult;
import id.teken.activation.domain.Identity;
import id.teken.activation.domain.Kategori;
import id.teken.activation.domain.Registrant;
import id.teken.activation.domain.ReviewReason;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Activations in PostgreSQL through Panache; the version column stops two concurrent changes. */
@ApplicationScoped
public class ActivationPersistenceAdapter implements ActivationRepository {

    @Inject
    EntityManager entityManager;

    @Override
    public void save(Activation a) {
        ActivationEntity e;
        if (a.isNew()) {
            e = new ActivationEntity();
            e.id = a.id();
        } else {
            e = ActivationEntity.findById(a.id());
            if (e == null || e.version != a.version()) {
                throw concurrent();
            }
        }
        Registrant r = a.registrant();
        e.registrationId = r.registrationId();
        e.nip = r.nip();
        e.nik = r.nik();
        e.nama = r.nama();
        e.emailDinas = r.emailDinas();
        e.statusKepegawaian = r.statusKepegawaian();
        e.unitOrganisasi = r.unitOrganisasi();
        e.jabatan = r.jabatan();
        e.provinsi = r.provinsi();
        e.contractEndsAt = r.contractEndsAt();
        e.tokenHash = a.tokenHash();
        e.createdAt = a.createdAt();
        e.expiresAt = a.expiresAt();
        e.status = a.status().name();
        a.identity().ifPresent(i -> {
            e.identityNama = i.namaLengkap();
            e.identityNik = i.nik();
            e.identityTelepon = i.nomorTelepon();
        });
        e.identityAt = a.identityAt();
        a.employment().ifPresent(m -> {
            e.employmentKategori = m.kategori().name();
            e.employmentNipNrp = m.nipNrp();
            e.employmentUnit = m.unitOrganisasi();
            e.employmentJabatan = m.jabatan();
            e.employmentProvinsi = m.provinsi();
            e.employmentVerified = m.verifiedBySiasn();
        });
        e.employmentAt = a.employmentAt();
        e.selfieStored = a.selfieStored();
        a.faceResult().ifPresent(f -> {
            e.faceOutcome = f.outcome().name();
            e.faceScore = f.score();
        });
        e.selfieAt = a.selfieAt();
        e.privacyPolicyVersion = a.privacyPolicyVersion();
        e.subscriberAgreementVersion = a.subscriberAgreementVersion();
        e.consentedAt = a.consentedAt();
        e.submittedAt = a.submittedAt();
        e.reviewReasons = a.reviewReasons().stream().map(Enum::name).collect(Collectors.joining(","));
        e.decidedBy = a.decidedBy();
        e.decidedAt = a.decidedAt();
        e.decisionReason = a.decisionReason();
        try {
            e.persist();
            entityManager.flush();
        } catch (OptimisticLockException ex) {
            throw concurrent();
        }
    }

    @Override
    public Optional<Activation> findById(UUID id) {
        return ActivationEntity.<ActivationEntity>findByIdOptional(id).map(ActivationPersistenceAdapter::toDomain);
    }

    @Override
    public Optional<Activation> findByTokenHash(String tokenHash) {
        return ActivationEntity.<ActivationEntity>find("tokenHash", tokenHash).firstResultOptional()
                .map(ActivationPersistenceAdapter::toDomain);
    }

    @Override
    public boolean existsForRegistration(String registrationId) {
        return ActivationEntity.count("registrationId", registrationId) > 0;
    }

    @Override
    public List<Activation> findByStatus(ActivationStatus status, String nip) {
        List<ActivationEntity> rows = nip == null
                ? ActivationEntity.list("status", Sort.by("submittedAt").and("createdAt"), status.name())
                : ActivationEntity.list("status = ?1 and nip = ?2", Sort.by("submittedAt").and("createdAt"), status.name(), nip);
        return rows.stream().limit(500).map(ActivationPersistenceAdapter::toDomain).toList();
    }

    @Override
    public List<Activation> findDueToExpire(Instant now, int limit) {
        return ActivationEntity.<ActivationEntity>find("status = ?1 and expiresAt <= ?2", Sort.by("expiresAt"),
                        ActivationStatus.LINK_SENT.name(), now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list()
                .stream().map(ActivationPersistenceAdapter::toDomain).toList();
    }

    private static DomainException concurrent() {
        return new DomainException(ErrorCode.STEP_OUT_OF_ORDER, "Aktivasi ini sedang diubah oleh permintaan lain. Muat ulang lalu coba lagi.");
    }

    static Activation toDomain(ActivationEntity e) {
        Registrant r = new Registrant(e.registrationId, e.nip, e.nik, e.nama, e.emailDinas, e.statusKepegawaian,
                e.unitOrganisasi, e.jabatan, e.provinsi, e.contractEndsAt);
        Identity identity = e.identityNama == null ? null : new Identity(e.identityNama, e.identityNik, e.identityTelepon);
        Employment employment = e.employmentKategori == null ? null : new Employment(Kategori.valueOf(e.employmentKategori),
                e.employmentNipNrp, e.employmentUnit, e.employmentJabatan, e.employmentProvinsi,
                Boolean.TRUE.equals(e.employmentVerified));
        FaceResult face = e.faceOutcome == null ? null : new FaceResult(FaceResult.Outcome.valueOf(e.faceOutcome), e.faceScore);
        Set<ReviewReason> reasons = e.reviewReasons == null || e.reviewReasons.isBlank() ? EnumSet.noneOf(ReviewReason.class)
                : Arrays.stream(e.reviewReasons.split(",")).map(ReviewReason::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReviewReason.class)));
        return new Activation(e.id, r, e.createdAt, e.tokenHash, e.expiresAt, ActivationStatus.valueOf(e.status), identity,
                e.identityAt, employment, e.employmentAt, e.selfieStored, face, e.selfieAt, e.privacyPolicyVersion,
                e.subscriberAgreementVersion, e.consentedAt, e.submittedAt, reasons, e.decidedBy, e.decidedAt,
                e.decisionReason, e.version);
    }
}
