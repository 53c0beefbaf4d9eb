-- What a QR code's verification page shows about a signed document (never the document itself or the NIP publicly).
CREATE TABLE signed_document (
    document_id    UUID PRIMARY KEY,
    nip            VARCHAR(18)  NOT NULL,
    signer_name    VARCHAR(200),
    serial_number  VARCHAR(64)  NOT NULL,
    sha256         VARCHAR(64)  NOT NULL,
    pades_level    VARCHAR(40)  NOT NULL,
    client_id      VARCHAR(100),
    signed_at      TIMESTAMPTZ  NOT NULL
);
