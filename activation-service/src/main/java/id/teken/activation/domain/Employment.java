package id.teken.activation.domain;

/** Step 2: Data Kedinasan; for ASN_POLRI the unit, position and province come from SIASN. */
public record Employment(Kategori kategori, String nipNrp, String unitOrganisasi, String jabatan, String provinsi,
                         boolean verifiedBySiasn) {
}
