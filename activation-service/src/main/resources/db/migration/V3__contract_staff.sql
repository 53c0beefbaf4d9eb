-- Contract staff enrolled by a Verifikator TTE: when the contract ends (always reviewed; the certificate ends with it).
ALTER TABLE activation ADD COLUMN contract_ends_at TIMESTAMPTZ;
