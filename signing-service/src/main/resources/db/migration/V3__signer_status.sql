-- Projection of certificate.* events: the current status of each signer's certificate, for refusing at once.
CREATE TABLE signer_status (
    nip            VARCHAR(18) PRIMARY KEY,
    serial_number  VARCHAR(64) NOT NULL,
    status         VARCHAR(20) NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
