-- Accounts: one per NIP, created when the ASN first asks for a password (or by operator bootstrap).
CREATE TABLE account (
    nip                  VARCHAR(18)  PRIMARY KEY,
    password_hash        VARCHAR(200),
    active               BOOLEAN      NOT NULL DEFAULT FALSE,
    roles                VARCHAR(100) NOT NULL DEFAULT 'ASN',
    created_at           TIMESTAMPTZ  NOT NULL,
    password_changed_at  TIMESTAMPTZ,
    version              BIGINT       NOT NULL DEFAULT 0
);

-- "Lupa Password" links: only the SHA-256 of the token is stored.
CREATE TABLE password_reset_token (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    nip          VARCHAR(18)  NOT NULL REFERENCES account (nip),
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    used_at      TIMESTAMPTZ
);
CREATE INDEX password_reset_token_nip ON password_reset_token (nip, created_at);

-- The certificate registration and the dashboard's status projection, one row per NIP.
CREATE TABLE certificate_registration (
    nip                  VARCHAR(18)  PRIMARY KEY,
    registration_id      UUID         NOT NULL UNIQUE,
    nik                  VARCHAR(16)  NOT NULL,
    email_siasn          VARCHAR(254) NOT NULL,
    email_dinas          VARCHAR(254) NOT NULL,
    status               VARCHAR(30)  NOT NULL,
    registered_at        TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    certificate_serial   VARCHAR(64),
    valid_from           TIMESTAMPTZ,
    valid_to             TIMESTAMPTZ,
    version              BIGINT       NOT NULL DEFAULT 0
);
-- One live registration per Email Dinas.
CREATE UNIQUE INDEX certificate_registration_email_dinas ON certificate_registration (lower(email_dinas))
    WHERE status <> 'NOT_REGISTERED';
