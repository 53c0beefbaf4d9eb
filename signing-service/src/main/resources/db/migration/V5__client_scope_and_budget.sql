-- For whom each system client may sign (set by an ADMIN), which origins its QR codes may open, and why it was disabled.
-- Clients made before this version keep signing for everyone (scope_all) until an ADMIN narrows them; new ones start
-- with no scope at all.
ALTER TABLE system_client ADD COLUMN scope_all BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE system_client ADD COLUMN scope_units TEXT NOT NULL DEFAULT '';
ALTER TABLE system_client ADD COLUMN scope_signers TEXT NOT NULL DEFAULT '';
ALTER TABLE system_client ADD COLUMN qr_origins TEXT NOT NULL DEFAULT '';
ALTER TABLE system_client ADD COLUMN disabled_reason VARCHAR(200);
UPDATE system_client SET scope_all = TRUE;

-- Failures caused through a client (wrong passphrase, locked, out of scope, unknown signer): its failure budget.
CREATE TABLE client_failure (
    id               BIGSERIAL PRIMARY KEY,
    client_username  VARCHAR(64) NOT NULL,
    at               TIMESTAMPTZ NOT NULL,
    code             VARCHAR(40) NOT NULL
);
CREATE INDEX client_failure_client_at ON client_failure (client_username, at);

-- Every ADMIN change to system clients, and every automatic disable: who, when, what.
CREATE TABLE admin_audit (
    id               BIGSERIAL PRIMARY KEY,
    at               TIMESTAMPTZ  NOT NULL,
    actor_nip        VARCHAR(18)  NOT NULL,
    action           VARCHAR(40)  NOT NULL,
    client_username  VARCHAR(64),
    detail           VARCHAR(1000)
);
