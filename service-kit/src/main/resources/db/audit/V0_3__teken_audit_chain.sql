-- service-kit: the tamper-evident audit trail (AuditChain): each entry carries the SHA-256 of the one before; the head is
-- time-stamped by Teken's TSA from time to time (teken_audit_anchor). Append-only: updates and deletes are refused
-- (someone able to drop this trigger is still caught by the chain and the time-stamps).
CREATE TABLE teken_audit_chain (
    seq       BIGINT PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT,
    detail    TEXT,
    prev_hash BYTEA NOT NULL,
    hash      BYTEA NOT NULL UNIQUE
);

CREATE TABLE teken_audit_anchor (
    seq         BIGINT PRIMARY KEY,
    head_hash   BYTEA NOT NULL,
    tsa_reply   BYTEA NOT NULL,
    anchored_at TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION teken_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP;
END $$;

CREATE TRIGGER teken_audit_chain_append_only BEFORE UPDATE OR DELETE ON teken_audit_chain
    FOR EACH ROW EXECUTE FUNCTION teken_audit_append_only();
CREATE TRIGGER teken_audit_anchor_append_only BEFORE UPDATE OR DELETE ON teken_audit_anchor
    FOR EACH ROW EXECUTE FUNCTION teken_audit_append_only();
