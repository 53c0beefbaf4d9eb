-- Sign TOTPs of clients whose TOTP is a second factor (sent with the passphrase): no approval link, the code is spent by
-- the authorization that also checks the passphrase.
ALTER TABLE signing_approval ADD COLUMN factor BOOLEAN NOT NULL DEFAULT FALSE;
