-- Transactional outbox: a state change and the event announcing it commit in one transaction;
-- the relay publishes pending rows to Kafka and marks them published.
CREATE TABLE teken_outbox (
    id              UUID PRIMARY KEY,
    topic           VARCHAR(200)  NOT NULL,
    record_key      VARCHAR(200)  NOT NULL,
    event_type      VARCHAR(200)  NOT NULL,
    body            TEXT          NOT NULL,
    correlation_id  VARCHAR(100),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    published_at    TIMESTAMPTZ,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    last_error      VARCHAR(500)
);
CREATE INDEX teken_outbox_pending ON teken_outbox (created_at) WHERE published_at IS NULL;

-- Idempotent consumer: one row per (consumer, event) already applied.
CREATE TABLE teken_processed_event (
    consumer        VARCHAR(200) NOT NULL,
    event_id        UUID         NOT NULL,
    topic           VARCHAR(200) NOT NULL,
    processed_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
