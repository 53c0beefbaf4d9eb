-- Activations: one per registration; the link token is stored only as its SHA-256.
CREATE TABLE activation (
    id                            UUID PRIMARY KEY,
    registration_id               VARCHAR(64)  NOT NULL UNIQUE,
    nip                           VARCHAR(18)  NOT NULL,
    nik                           VARCHAR(16)  NOT NULL,
    nama                          VARCHAR(200) NOT NULL,
    email_dinas                   VARCHAR(254) NOT NULL,
    status_kepegawaian            VARCHAR(20),
    unit_organisasi               VARCHAR(300),
    jabatan                       VARCHAR(300),
    provinsi                      VARCHAR(100),
    token_hash                    VARCHAR(64)  NOT NULL UNIQUE,
    created_at                    TIMESTAMPTZ  NOT NULL,
    expires_at                    TIMESTAMPTZ  NOT NULL,
    status                        VARCHAR(30)  NOT NULL,
    identity_nama                 VARCHAR(200),
    identity_nik                  VARCHAR(16),
    identity_telepon              VARCHAR(20),
    identity_at                   TIMESTAMPTZ,
    employment_kategori           VARCHAR(20),
    employment_nip_nrp            VARCHAR(18),
    employment_unit               VARCHAR(300),
    employment_jabatan            VARCHAR(300),
    employment_provinsi           VARCHAR(100),
    employment_verified           BOOLEAN,
    employment_at                 TIMESTAMPTZ,
    selfie_stored                 BOOLEAN      NOT NULL DEFAULT FALSE,
    face_outcome                  VARCHAR(20),
    face_score                    DOUBLE PRECISION,
    selfie_at                     TIMESTAMPTZ,
    privacy_policy_version        VARCHAR(50),
    subscriber_agreement_version  VARCHAR(50),
    consented_at                  TIMESTAMPTZ,
    submitted_at                  TIMESTAMPTZ,
    review_reasons                VARCHAR(200),
    decided_by                    VARCHAR(18),
    decided_at                    TIMESTAMPTZ,
    decision_reason               VARCHAR(500),
    version                       BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX activation_waiting ON activation (submitted_at) WHERE status = 'WAITING_FOR_VERIFICATION';
CREATE INDEX activation_open ON activation (expires_at) WHERE status = 'LINK_SENT';

-- Selfies: AES-256-GCM ciphertext only; the key is not in the database.
CREATE TABLE activation_selfie (
    activation_id   UUID PRIMARY KEY REFERENCES activation (id),
    content_type    VARCHAR(20)  NOT NULL,
    iv              BYTEA        NOT NULL,
    ciphertext      BYTEA        NOT NULL,
    stored_at       TIMESTAMPTZ  NOT NULL
);

-- Every verifier action: who, when, what.
CREATE TABLE verifier_audit (
    id              BIGSERIAL PRIMARY KEY,
    at              TIMESTAMPTZ  NOT NULL,
    actor_nip       VARCHAR(18)  NOT NULL,
    action          VARCHAR(40)  NOT NULL,
    activation_id   UUID,
    detail          VARCHAR(500)
);
CREATE INDEX verifier_audit_at ON verifier_audit (at DESC);
