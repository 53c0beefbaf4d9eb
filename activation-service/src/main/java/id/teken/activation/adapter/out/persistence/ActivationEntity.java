package id.teken.activation.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Row of table activation. */
@Entity
@Table(name = "activation")
public class ActivationEntity extends PanacheEntityBase {
    @Id public UUID id;
    @Column(name = "registration_id") public String registrationId;
    public String nip;
    public String nik;
    public String nama;
    @Column(name = "email_dinas") public String emailDinas;
    @Column(name = "status_kepegawaian") public String statusKepegawaian;
    @Column(name = "unit_organisasi") public String unitOrganisasi;
    public String jabatan;
    public String provinsi;
    @Column(name = "contract_ends_at") public java.time.Instant contractEndsAt;
    @Column(name = "token_hash") public String tokenHash;
    @Column(name = "created_at") public Instant createdAt;
    @Column(name = "expires_at") public Instant expiresAt;
    public String status;
    @Column(name = "identity_nama") public String identityNama;
    @Column(name = "identity_nik") public String identityNik;
    @Column(name = "identity_telepon") public String identityTelepon;
    @Column(name = "identity_at") public Instant identityAt;
    @Column(name = "employment_kategori") public String employmentKategori;
    @Column(name = "employment_nip_nrp") public String employmentNipNrp;
    @Column(name = "employment_unit") public String employmentUnit;
    @Column(name = "employment_jabatan") public String employmentJabatan;
    @Column(name = "employment_provinsi") public String employmentProvinsi;
    @Column(name = "employment_verified") public Boolean employmentVerified;
    @Column(name = "employment_at") public Instant employmentAt;
    @Column(name = "selfie_stored") public boolean selfieStored;
    @Column(name = "face_outcome") public String faceOutcome;
    @Column(name = "face_score") public Double faceScore;
    @Column(name = "selfie_at") public Instant selfieAt;
    @Column(name = "privacy_policy_version") public String privacyPolicyVersion;
    @Column(name = "subscriber_agreement_version") public String subscriberAgreementVersion;
    @Column(name = "consented_at") public Instant consentedAt;
    @Column(name = "submitted_at") public Instant submittedAt;
    @Column(name = "review_reasons") public String reviewReasons;
    @Column(name = "decided_by") public String decidedBy;
    @Column(name = "decided_at") public Instant decidedAt;
    @Column(name = "decision_reason") public String decisionReason;
    @Version public long version;
}
