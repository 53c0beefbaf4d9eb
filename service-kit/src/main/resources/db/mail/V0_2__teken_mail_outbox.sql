-- Mail outbox: a mail is written in the same transaction as the state change that calls for it and sent by
-- the mail relay after the commit, retried until the mail server takes it. The bodies (which may carry a
-- one-time link) are wiped once the mail is sent or given up.
CREATE TABLE teken_mail_outbox (
    id               UUID PRIMARY KEY,
    -- Queue order: mails of one transaction share created_at, but go out in the order they were queued.
    seq              BIGINT GENERATED ALWAYS AS IDENTITY,
    recipient        VARCHAR(320)  NOT NULL,
    subject          VARCHAR(500)  NOT NULL,
    text_body        TEXT,
    html_body        TEXT,
    correlation_id   VARCHAR(100),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    next_attempt_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    lease_until      TIMESTAMPTZ,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    last_error       VARCHAR(500),
    sent_at          TIMESTAMPTZ,
    failed_at        TIMESTAMPTZ
);
CREATE INDEX teken_mail_outbox_due ON teken_mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
-- A mail waits while an earlier one to the same address is still unsent (people get them in the order they were made).
CREATE INDEX teken_mail_outbox_recipient_pending ON teken_mail_outbox (recipient, seq) WHERE sent_at IS NULL AND failed_at IS NULL;
