-- Seals (segel elektronik, BSrE v2 seal): the certificate of an organisation unit, created by an ADMIN, used by system
-- clients with a TOTP instead of a passphrase. The seal's credential is a row of credential with seal_id set and nip
-- NULL, so the CRL, OCSP and expiry cover it as any other certificate of the CA.
CREATE TABLE seal_subscriber (
    id          VARCHAR(40)  PRIMARY KEY,
    unit_name   VARCHAR(300) NOT NULL,
    email       VARCHAR(254) NOT NULL,
    instansi    VARCHAR(300) NOT NULL,
    created_by  VARCHAR(18)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX seal_subscriber_unit ON seal_subscriber (lower(unit_name));

ALTER TABLE credential ALTER COLUMN nip DROP NOT NULL;
ALTER TABLE credential ADD COLUMN seal_id VARCHAR(40) REFERENCES seal_subscriber (id);
ALTER TABLE credential ADD CONSTRAINT credential_one_owner CHECK ((nip IS NULL) <> (seal_id IS NULL));
CREATE UNIQUE INDEX credential_one_active_seal ON credential (seal_id) WHERE status = 'ACTIVE';

-- A system client's activation of a seal (BSrE's activation TOTP): the mailed code's hash, per seal and client channel;
-- refreshed (its expiry moved) by presenting it, closed by revoke or by too many wrong codes.
CREATE TABLE seal_activation (
    seal_id      VARCHAR(40)  NOT NULL REFERENCES seal_subscriber (id),
    channel      VARCHAR(80)  NOT NULL,
    code_hash    VARCHAR(64)  NOT NULL,
    mailed_at    TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    wrong_codes  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (seal_id, channel)
);

-- The seal TOTPs handed out by get/totp: for this many documents until expires_at, counted down by each seal.
CREATE TABLE seal_code (
    id           UUID         PRIMARY KEY,
    seal_id      VARCHAR(40)  NOT NULL REFERENCES seal_subscriber (id),
    channel      VARCHAR(80)  NOT NULL,
    code_hash    VARCHAR(64)  NOT NULL,
    documents    INT          NOT NULL,
    used         INT          NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX seal_code_open ON seal_code (seal_id, channel, expires_at);
