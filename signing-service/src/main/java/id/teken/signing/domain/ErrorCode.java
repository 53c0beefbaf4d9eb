package id.teken.signing.domain;

/** Stable error codes of signing, with their kind (HTTP status) and Indonesian title. */
public enum ErrorCode {
    BODY_REQUIRED(Kind.INVALID, "Data permintaan wajib diisi"),
    PDF_REQUIRED(Kind.INVALID, "Berkas PDF wajib diunggah"),
    PDF_INVALID(Kind.INVALID, "Berkas bukan PDF yang valid"),
    PDF_ENCRYPTED(Kind.UNPROCESSABLE, "PDF terenkripsi"),
    PDF_TOO_LARGE(Kind.TOO_LARGE, "Berkas PDF terlalu besar"),
    LEVEL_INVALID(Kind.INVALID, "Level PAdES tidak dikenal"),
    PASSPHRASE_REQUIRED(Kind.INVALID, "Passphrase wajib diisi"),
    PASSPHRASE_WRONG(Kind.INVALID, "Passphrase anda salah"),
    CREDENTIAL_LOCKED(Kind.LOCKED, "Sertifikat terkunci"),
    NOT_REGISTERED(Kind.NOT_FOUND, "User tidak terdaftar"),
    CERTIFICATE_NOT_ACTIVE(Kind.CONFLICT, "Sertifikat tidak aktif"),
    SIGNING_UNAVAILABLE(Kind.UNAVAILABLE, "Layanan tanda tangan sedang tidak tersedia"),
    DOCUMENT_NOT_FOUND(Kind.NOT_FOUND, "Dokumen tidak ditemukan");

    /** What sort of failure a code is. */
    public enum Kind { INVALID, UNPROCESSABLE, NOT_FOUND, CONFLICT, LOCKED, TOO_LARGE, UNAVAILABLE }

    private final Kind kind;
    private final String title;

    ErrorCode(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
