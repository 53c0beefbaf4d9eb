-- Contract staff enrolled by a Verifikator TTE: their certificates never outlast the contract.
ALTER TABLE subscriber ADD COLUMN contract_ends_at TIMESTAMPTZ;
