-- Contract staff enrolled by a Verifikator TTE (not PNS/PPPK): the contract's reference, when it ends, who enrolled it.
ALTER TABLE certificate_registration ADD COLUMN contract_reference VARCHAR(100);
ALTER TABLE certificate_registration ADD COLUMN contract_ends_at TIMESTAMPTZ;
ALTER TABLE certificate_registration ADD COLUMN contract_enrolled_by VARCHAR(18);
