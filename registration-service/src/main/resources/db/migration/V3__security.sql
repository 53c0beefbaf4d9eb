-- "Lupa Password" requests: queued the same way for every NIP (known or not) and handled in the background, so the
-- answer's timing says nothing about which NIPs exist.
CREATE TABLE password_reset_request (
    id            BIGSERIAL   PRIMARY KEY,
    nip           VARCHAR(18) NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL
);

-- Every change of an operator role (VERIFIKATOR, ADMIN), made from TEKEN_VERIFIERS / TEKEN_ADMINS at start-up.
CREATE TABLE role_audit (
    id       BIGSERIAL   PRIMARY KEY,
    at       TIMESTAMPTZ NOT NULL,
    nip      VARCHAR(18) NOT NULL,
    role     VARCHAR(20) NOT NULL,
    action   VARCHAR(10) NOT NULL,
    source   VARCHAR(100) NOT NULL
);
