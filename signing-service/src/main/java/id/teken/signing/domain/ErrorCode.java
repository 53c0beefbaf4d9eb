package id.teken.signing.domain;

/** Stable error codes of signing, with their kind (HTTP status) and Indonesian title. */
public enum ErrorCode {
    BODY_REQUIRED(Kind.INVALID, "Data permintaan wajib diisi"),
    PDF_REQUIRED(Kind.INVALID, "Berkas PDF wajib diunggah"),
    PDF_INVALID(Kind.INVALID, "Berkas bukan PDF yang valid"),
    PDF_ENCRYPTED(Kind.UNPROCESSABLE, "PDF terenkripsi"),
    PDF_TOO_LARGE(Kind.TOO_LARGE, "Berkas PDF terlalu besar"),
    PDF_TOO_COMPLEX(Kind.UNPROCESSABLE, "Berkas PDF terlalu rumit untuk diproses"),
    NOT_SIGNED(Kind.UNPROCESSABLE, "Dokumen belum ditandatangani"),
    VERIFICATION_BUSY(Kind.UNAVAILABLE, "Layanan verifikasi sedang sibuk"),
    LEVEL_INVALID(Kind.INVALID, "Level PAdES tidak dikenal"),
    PASSPHRASE_REQUIRED(Kind.INVALID, "Passphrase wajib diisi"),
    PASSPHRASE_WRONG(Kind.INVALID, "Passphrase anda salah"),
    CREDENTIAL_LOCKED(Kind.LOCKED, "Sertifikat terkunci"),
    CREDENTIAL_BUSY(Kind.THROTTLED, "Sertifikat sedang digunakan"),
    CLIENT_SCOPE(Kind.FORBIDDEN, "Aplikasi tidak diizinkan menandatangani untuk pegawai ini"),
    CLIENT_THROTTLED(Kind.THROTTLED, "Terlalu banyak kegagalan dari aplikasi ini"),
    SIGNER_AMBIGUOUS(Kind.CONFLICT, "Penanda tangan tidak dapat ditentukan"),
    NOT_REGISTERED(Kind.NOT_FOUND, "User tidak terdaftar"),
    CERTIFICATE_NOT_ACTIVE(Kind.CONFLICT, "Sertifikat tidak aktif"),
    SIGNING_UNAVAILABLE(Kind.UNAVAILABLE, "Layanan tanda tangan sedang tidak tersedia"),
    /** certificate-service no longer knows a signature authorization (expired, restarted): the passphrase is sent again. */
    AUTHORIZATION_INVALID(Kind.UNAVAILABLE, "Otorisasi tanda tangan tidak berlaku"),
    DOCUMENT_NOT_FOUND(Kind.NOT_FOUND, "Dokumen tidak ditemukan"),
    DOCUMENT_ALREADY_DOWNLOADED(Kind.NOT_FOUND, "Dokumen telah didownload sebelumnya"),
    APPEARANCE_INVALID(Kind.INVALID, "Pengaturan tampilan tanda tangan tidak valid"),
    IMAGE_INVALID(Kind.INVALID, "Gambar spesimen tidak valid"),
    MARKER_NOT_FOUND(Kind.UNPROCESSABLE, "Penanda posisi (tag_koordinat) tidak ditemukan"),
    PAGE_NOT_FOUND(Kind.UNPROCESSABLE, "Halaman tidak ada"),
    COORDINATES_OFF_PAGE(Kind.UNPROCESSABLE, "Posisi tanda tangan di luar halaman"),
    TOO_MANY_FILES(Kind.INVALID, "Terlalu banyak berkas"),
    SIGNER_REQUIRED(Kind.INVALID, "Penanda tangan wajib disebutkan"),
    CLIENT_UNAUTHENTICATED(Kind.UNAUTHENTICATED, "Kredensial aplikasi tidak valid"),
    UNAUTHENTICATED(Kind.UNAUTHENTICATED, "Perlu masuk"),
    SERVICE_UNAUTHENTICATED(Kind.UNAUTHENTICATED, "Layanan internal tidak dikenal"),
    FORBIDDEN(Kind.FORBIDDEN, "Akses ditolak"),
    CLIENT_INVALID(Kind.INVALID, "Data aplikasi klien tidak valid"),
    CLIENT_EXISTS(Kind.CONFLICT, "Nama aplikasi klien sudah dipakai"),
    CLIENT_NOT_FOUND(Kind.NOT_FOUND, "Aplikasi klien tidak ditemukan"),
    MALFORMED_REQUEST(Kind.INVALID, "Format permintaan tidak valid"),
    /** A CSC credentialID that is not the caller's current credential. */
    CREDENTIAL_UNKNOWN(Kind.INVALID, "Kredensial tidak dikenal"),
    TOTP_WRONG(Kind.INVALID, "TOTP salah"),
    TOTP_NOT_APPROVED(Kind.CONFLICT, "TOTP belum disetujui pemilik sertifikat"),
    TOTP_TOO_MANY(Kind.THROTTLED, "Terlalu banyak permintaan TOTP"),
    SEAL_NOT_FOUND(Kind.NOT_FOUND, "Segel tidak ditemukan"),
    SEAL_NOT_ACTIVATED(Kind.CONFLICT, "Segel belum diaktivasi untuk aplikasi ini");

    /** What sort of failure a code is. */
    public enum Kind { INVALID, UNPROCESSABLE, NOT_FOUND, CONFLICT, LOCKED, TOO_LARGE, UNAVAILABLE, UNAUTHENTICATED, FORBIDDEN, THROTTLED }

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
