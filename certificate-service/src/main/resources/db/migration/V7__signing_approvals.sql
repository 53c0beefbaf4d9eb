-- A system client's request for a signer's approval (BSrE's sign TOTP): the mailed link's token and the code as hashes,
-- who and for which client channel, how many signatures, until when; approved (the SAD lives in memory) or closed.
CREATE TABLE signing_approval (
    id           UUID         PRIMARY KEY,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    code_hash    VARCHAR(64)  NOT NULL,
    nip          VARCHAR(18)  NOT NULL,
    channel      VARCHAR(80)  NOT NULL,
    client_name  VARCHAR(80)  NOT NULL,
    signatures   INT          NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    approved_at  TIMESTAMPTZ,
    wrong_codes  INT          NOT NULL DEFAULT 0,
    closed_at    TIMESTAMPTZ
);
CREATE INDEX signing_approval_signer ON signing_approval (nip, channel, expires_at);
