-- Documents sealed with a seal (segel elektronik) have no NIP: the signer's name is the unit's, the serial the seal's.
ALTER TABLE signed_document ALTER COLUMN nip DROP NOT NULL;
