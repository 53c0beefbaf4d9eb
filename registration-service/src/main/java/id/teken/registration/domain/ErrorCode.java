package id.teken.registration.domain;

/**
 * The stable error codes this service answers with, each with the kind of failure (which decides the
 * HTTP status) and the Indonesian title a person reads.
 */
public enum ErrorCode {
    BODY_REQUIRED(Kind.INVALID, "Data permintaan wajib diisi"),
    MALFORMED_REQUEST(Kind.INVALID, "Format permintaan tidak valid"),
    NIP_INVALID(Kind.INVALID, "NIP tidak valid"),
    NIK_INVALID(Kind.INVALID, "NIK tidak valid"),
    NIK_NOT_VERIFIED(Kind.UNPROCESSABLE, "NIK tidak dapat diverifikasi"),
    EMAIL_SIASN_INVALID(Kind.INVALID, "Email SIASN tidak valid"),
    EMAIL_DINAS_INVALID(Kind.INVALID, "Email Dinas tidak valid"),
    EMAIL_DINAS_DOMAIN(Kind.UNPROCESSABLE, "Email Dinas harus menggunakan domain resmi instansi"),
    EMAIL_DINAS_IN_USE(Kind.CONFLICT, "Email Dinas sudah digunakan pendaftar lain"),
    EMAIL_SIASN_IN_USE(Kind.CONFLICT, "Email SIASN sudah digunakan pendaftar lain"),
    SIGNER_AMBIGUOUS(Kind.CONFLICT, "Penanda tangan tidak dapat ditentukan"),
    SERVICE_BUSY(Kind.THROTTLED, "Layanan sedang sibuk"),
    PASSWORD_WEAK(Kind.UNPROCESSABLE, "Password tidak memenuhi ketentuan"),
    NOT_ELIGIBLE(Kind.FORBIDDEN, "Pegawai tidak memenuhi syarat pendaftaran sertifikat"),
    CONTRACT_INVALID(Kind.INVALID, "Data kontrak tidak valid"),
    PERSON_INVALID(Kind.INVALID, "Data tenaga kontrak tidak valid"),
    EMPLOYEE_EXISTS(Kind.CONFLICT, "NIK milik pegawai pada data kepegawaian"),
    SELF_REGISTRATION(Kind.CONFLICT, "PNS dan PPPK mendaftar sendiri"),
    EMPLOYEE_NOT_FOUND(Kind.NOT_FOUND, "Data pegawai tidak ditemukan"),
    ALREADY_REGISTERED(Kind.CONFLICT, "Sudah terdaftar"),
    INVALID_CREDENTIALS(Kind.UNAUTHENTICATED, "NIP atau password salah"),
    TOO_MANY_ATTEMPTS(Kind.THROTTLED, "Terlalu banyak percobaan"),
    RESET_LINK_UNKNOWN(Kind.NOT_FOUND, "Tautan tidak dikenal"),
    RESET_LINK_EXPIRED(Kind.GONE, "Tautan sudah kedaluwarsa"),
    RESET_LINK_USED(Kind.GONE, "Tautan sudah digunakan"),
    SERVICE_UNAUTHENTICATED(Kind.UNAUTHENTICATED, "Layanan internal tidak dikenal"),
    SIGNER_NOT_FOUND(Kind.NOT_FOUND, "User tidak terdaftar"),
    DIRECTORY_UNAVAILABLE(Kind.UNAVAILABLE, "Layanan data kepegawaian sedang tidak tersedia");

    /** What sort of failure a code is; adapters turn it into a protocol status. */
    public enum Kind { INVALID, UNPROCESSABLE, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, GONE, THROTTLED, UNAVAILABLE }

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
