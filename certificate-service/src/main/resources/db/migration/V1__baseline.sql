-- certificate-service: baseline. The outbox and processed-event tables come from event-contracts (db/messaging).
-- Owns: CA hierarchy, subscriber keys, certificates, revocation, CRL/OCSP/TSA.
CREATE TABLE service_schema (name VARCHAR(100) PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
INSERT INTO service_schema (name) VALUES ('certificate-service');
