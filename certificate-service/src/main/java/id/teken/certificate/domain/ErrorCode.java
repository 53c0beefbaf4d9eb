package id.teken.certificate.domain;

/** Stable error codes of certificate-service with their kind (HTTP status) and Indonesian title. */
public enum ErrorCode {
    BODY_REQUIRED(Kind.INVALID, "Data permintaan wajib diisi"),
    MALFORMED_REQUEST(Kind.INVALID, "Format permintaan tidak valid"),
    PASSPHRASE_WEAK(Kind.UNPROCESSABLE, "Passphrase tidak memenuhi ketentuan"),
    AGREEMENT_REQUIRED(Kind.UNPROCESSABLE, "Perjanjian Pemilik Sertifikat Elektronik wajib disetujui"),
    CONTRACT_ENDED(Kind.UNPROCESSABLE, "Kontrak kerja sudah berakhir"),
    LINK_UNKNOWN(Kind.NOT_FOUND, "Tautan tidak dikenal"),
    LINK_EXPIRED(Kind.GONE, "Tautan sudah kedaluwarsa"),
    LINK_USED(Kind.GONE, "Tautan sudah digunakan"),
    TOO_MANY_ATTEMPTS(Kind.THROTTLED, "Terlalu banyak percobaan"),
    NO_CERTIFICATE(Kind.CONFLICT, "Belum memiliki sertifikat elektronik"),
    SUBSCRIBER_NOT_FOUND(Kind.NOT_FOUND, "Pemilik sertifikat tidak ditemukan"),
    CERTIFICATE_NOT_FOUND(Kind.NOT_FOUND, "Sertifikat tidak ditemukan"),
    CERTIFICATE_NOT_ACTIVE(Kind.CONFLICT, "Sertifikat tidak aktif"),
    PASSPHRASE_WRONG(Kind.INVALID, "Passphrase salah"),
    CREDENTIAL_LOCKED(Kind.LOCKED, "Sertifikat terkunci"),
    CREDENTIAL_BUSY(Kind.THROTTLED, "Sertifikat sedang digunakan"),
    CERTIFICATE_SUSPENDED(Kind.CONFLICT, "Sertifikat dibekukan"),
    STATUS_CHANGED(Kind.CONFLICT, "Status sertifikat telah berubah"),
    SELF_ACTION(Kind.FORBIDDEN, "Tindakan atas sertifikat sendiri tidak diizinkan"),
    SERVICE_UNAUTHENTICATED(Kind.UNAUTHENTICATED, "Layanan tidak dikenal"),
    REASON_INVALID(Kind.INVALID, "Alasan pencabutan tidak valid"),
    RENEWAL_NOT_DUE(Kind.CONFLICT, "Sertifikat belum dapat diperbarui"),
    CODE_WRONG(Kind.INVALID, "Kode TOTP salah"),
    APPROVAL_PENDING(Kind.CONFLICT, "Permintaan tanda tangan belum disetujui"),
    AUTHORIZATION_INVALID(Kind.GONE, "Otorisasi tanda tangan tidak berlaku"),
    SEAL_NOT_FOUND(Kind.NOT_FOUND, "Segel tidak ditemukan"),
    SEAL_EXISTS(Kind.CONFLICT, "Unit ini sudah memiliki segel"),
    SEAL_NOT_ACTIVATED(Kind.CONFLICT, "Segel belum diaktivasi untuk aplikasi ini");

    /** What sort of failure a code is. */
    public enum Kind { INVALID, UNPROCESSABLE, NOT_FOUND, CONFLICT, GONE, THROTTLED, LOCKED, UNAUTHENTICATED, FORBIDDEN }

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
