-- Tries of a passphrase per credential and channel ('owner', or 'client:<username>' for a system client), apart from
-- the credential row: a count is only ever changed by one atomic statement, and never written back over a status change.
CREATE TABLE passphrase_attempt (
    credential_id    UUID        NOT NULL REFERENCES credential (id),
    channel          VARCHAR(80) NOT NULL,
    failed           INTEGER     NOT NULL DEFAULT 0,
    in_flight        INTEGER     NOT NULL DEFAULT 0,
    in_flight_until  TIMESTAMPTZ,
    locked_until     TIMESTAMPTZ,
    PRIMARY KEY (credential_id, channel)
);
INSERT INTO passphrase_attempt (credential_id, channel, failed, locked_until)
    SELECT id, 'owner', failed_attempts, locked_until FROM credential WHERE failed_attempts > 0 OR locked_until IS NOT NULL;
-- The counters of the credential row are no longer written; kept for a rolling upgrade, dropped in a later version.
ALTER TABLE credential ALTER COLUMN failed_attempts SET DEFAULT 0;
