-- Access tokens revoked before they expired (sign-out, CSC auth/revoke); kept until they would have expired.
CREATE TABLE revoked_access_token (
    token_id   VARCHAR(100) PRIMARY KEY,
    nip        VARCHAR(18)  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    revoked_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX revoked_access_token_expires ON revoked_access_token (expires_at);
