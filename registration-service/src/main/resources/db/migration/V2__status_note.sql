-- Why the status is what it is, for the dashboard (e.g. the verifier's rejection reason).
ALTER TABLE certificate_registration ADD COLUMN status_note VARCHAR(600);
