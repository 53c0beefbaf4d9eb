-- Other Pemkab systems that sign through the API (BSrE-compatible routes): Basic credentials, secret stored hashed.
CREATE TABLE system_client (
    id           UUID PRIMARY KEY,
    username     VARCHAR(64)   NOT NULL UNIQUE,
    secret_hash  VARCHAR(64)   NOT NULL,
    description  VARCHAR(200),
    allowed_ips  VARCHAR(2000) NOT NULL,
    enabled      BOOLEAN       NOT NULL,
    created_by   VARCHAR(18),
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);

-- BSrE v1 one-time download: the signed PDF kept briefly for GET /api/sign/download/{id}; the bytes are dropped after
-- the download or the retention time, the row stays so a second download is told it already happened.
CREATE TABLE pending_download (
    document_id    UUID PRIMARY KEY,
    client_id      VARCHAR(80)  NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    pdf            BYTEA,
    created_at     TIMESTAMPTZ  NOT NULL,
    downloaded_at  TIMESTAMPTZ
);
CREATE INDEX pending_download_created ON pending_download (created_at);
