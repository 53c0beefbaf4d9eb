-- activation-service: baseline. The outbox and processed-event tables come from event-contracts (db/messaging).
-- Owns: activation links, identity and employment checks, selfie checks, consents, the review queue.
CREATE TABLE service_schema (name VARCHAR(100) PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
INSERT INTO service_schema (name) VALUES ('activation-service');
