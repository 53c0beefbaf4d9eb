-- The root's CRL (authority revocation list) beside the issuing CA's CRL: which issuer signed each row, numbered apart.
ALTER TABLE crl ADD COLUMN issuer VARCHAR(10) NOT NULL DEFAULT 'issuing';
ALTER TABLE crl DROP CONSTRAINT crl_pkey;
ALTER TABLE crl ADD PRIMARY KEY (issuer, number);
CREATE SEQUENCE root_crl_number START 1;
