-- How a system client's sign TOTP works (BSrE's /api/v2/sign/get/totp), set by an ADMIN: APPROVAL (the code stands in for
-- the passphrase after the signer approves on the portal with it) or WITH_PASSPHRASE (the code is a second factor: the
-- client sends it together with the passphrase, and without it signs nothing).
ALTER TABLE system_client ADD COLUMN sign_totp VARCHAR(20) NOT NULL DEFAULT 'APPROVAL';
