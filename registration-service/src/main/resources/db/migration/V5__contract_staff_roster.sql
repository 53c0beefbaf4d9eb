-- Contract staff enrolled by a Verifikator TTE without a number in the employee export: the NIPTT handed out to them
-- (their account number), who they are by the civil registry, where they work, their Email Dinas, who enrolled them last.
CREATE TABLE contract_staff (
    nip             VARCHAR(18)  PRIMARY KEY,
    nik             VARCHAR(16)  NOT NULL UNIQUE,
    nama            VARCHAR(200) NOT NULL,
    unit_organisasi VARCHAR(200) NOT NULL,
    jabatan         VARCHAR(200) NOT NULL,
    email_dinas     VARCHAR(254) NOT NULL,
    enrolled_by     VARCHAR(18)  NOT NULL,
    enrolled_at     TIMESTAMPTZ  NOT NULL
);
