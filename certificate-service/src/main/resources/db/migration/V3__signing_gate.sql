-- Wrong passphrases per credential, the lock they cause, and expiry reminders already mailed.
ALTER TABLE credential ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE credential ADD COLUMN locked_until TIMESTAMPTZ;
ALTER TABLE credential ADD COLUMN reminded_days INTEGER;

-- Every verifier action on certificates: who, when, what.
CREATE TABLE verifier_audit (
    id             BIGSERIAL PRIMARY KEY,
    at             TIMESTAMPTZ  NOT NULL,
    actor_nip      VARCHAR(18)  NOT NULL,
    action         VARCHAR(40)  NOT NULL,
    serial_number  VARCHAR(64),
    detail         VARCHAR(500)
);
