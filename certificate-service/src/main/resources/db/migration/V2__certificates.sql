-- Subscribers: activated identities (from activation.completed); the NIK is only for the passphrase policy.
CREATE TABLE subscriber (
    nip              VARCHAR(18)  PRIMARY KEY,
    registration_id  VARCHAR(64)  NOT NULL,
    nik              VARCHAR(16),
    nama             VARCHAR(200) NOT NULL,
    email_dinas      VARCHAR(254) NOT NULL,
    instansi         VARCHAR(300) NOT NULL,
    unit_organisasi  VARCHAR(300),
    jabatan          VARCHAR(300),
    provinsi         VARCHAR(100),
    activated_at     TIMESTAMPTZ  NOT NULL
);

-- Credentials: certificate plus the sealed private key (PKCS#8 under the passphrase, wrapped by the master key).
CREATE TABLE credential (
    id                     UUID PRIMARY KEY,
    nip                    VARCHAR(18)  NOT NULL REFERENCES subscriber (nip),
    serial_number          VARCHAR(64)  NOT NULL UNIQUE,
    subject_dn             VARCHAR(1000) NOT NULL,
    certificate_pem        TEXT         NOT NULL,
    not_before             TIMESTAMPTZ  NOT NULL,
    not_after              TIMESTAMPTZ  NOT NULL,
    status                 VARCHAR(20)  NOT NULL,
    revocation_reason      VARCHAR(40),
    revoked_at             TIMESTAMPTZ,
    sealed_key             BYTEA        NOT NULL,
    agreement_version      VARCHAR(50)  NOT NULL,
    agreement_accepted_at  TIMESTAMPTZ  NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL
);
-- At most one active credential per subscriber.
CREATE UNIQUE INDEX credential_one_active ON credential (nip) WHERE status = 'ACTIVE';

-- Set/reset passphrase links: only the SHA-256 of the token.
CREATE TABLE passphrase_link (
    token_hash   VARCHAR(64) PRIMARY KEY,
    nip          VARCHAR(18) NOT NULL,
    purpose      VARCHAR(10) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ
);
CREATE INDEX passphrase_link_nip ON passphrase_link (nip, created_at);

-- Signed CRLs (newest served).
CREATE SEQUENCE crl_number START 1;
CREATE TABLE crl (
    number       BIGINT PRIMARY KEY,
    this_update  TIMESTAMPTZ NOT NULL,
    next_update  TIMESTAMPTZ NOT NULL,
    der          BYTEA       NOT NULL
);
