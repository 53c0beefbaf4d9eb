package id.teken.activation.domain;

/** Data Kedinasan category: "ASN dan POLRI" (checked against SIASN) or "Lainnya" (always a verifier). */
public enum Kategori {
    ASN_POLRI, LAINNYA;

    public static Kategori parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DomainException(ErrorCode.KATEGORI_INVALID, "Kategori wajib diisi: ASN_POLRI atau LAINNYA.");
        }
        try {
            return valueOf(raw.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.KATEGORI_INVALID, "Kategori harus ASN_POLRI atau LAINNYA.");
        }
    }
}
