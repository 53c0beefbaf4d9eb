package id.teken.activation.domain;

/** Stable error codes of activation, each with its kind (deciding the HTTP status) and Indonesian title. */
public enum ErrorCode {
    BODY_REQUIRED(Kind.INVALID, "Data permintaan wajib diisi"),
    MALFORMED_REQUEST(Kind.INVALID, "Format permintaan tidak valid"),
    NAMA_INVALID(Kind.INVALID, "Nama lengkap tidak valid"),
    NIK_INVALID(Kind.INVALID, "NIK tidak valid"),
    NIK_MISMATCH(Kind.UNPROCESSABLE, "NIK tidak sesuai dengan registrasi"),
    PHONE_INVALID(Kind.INVALID, "Nomor telepon tidak valid"),
    KATEGORI_INVALID(Kind.INVALID, "Kategori tidak valid"),
    NIP_INVALID(Kind.INVALID, "NIP/NRP tidak valid"),
    NIP_NOT_FOUND(Kind.NOT_FOUND, "NIP/NRP tidak ditemukan"),
    NIP_MISMATCH(Kind.UNPROCESSABLE, "NIP/NRP bukan milik pendaftar"),
    SELFIE_TYPE(Kind.UNSUPPORTED, "Jenis berkas swafoto tidak didukung"),
    SELFIE_TOO_LARGE(Kind.TOO_LARGE, "Berkas swafoto terlalu besar"),
    SELFIE_UNREADABLE(Kind.UNPROCESSABLE, "Swafoto tidak dapat dibaca"),
    SELFIE_TOO_SMALL(Kind.UNPROCESSABLE, "Resolusi swafoto terlalu kecil"),
    SELFIE_TOO_DARK(Kind.UNPROCESSABLE, "Swafoto terlalu gelap"),
    SELFIE_TOO_BRIGHT(Kind.UNPROCESSABLE, "Swafoto terlalu terang"),
    SELFIE_BLURRED(Kind.UNPROCESSABLE, "Swafoto buram"),
    CONSENT_REQUIRED(Kind.UNPROCESSABLE, "Persetujuan wajib diberikan"),
    STEP_OUT_OF_ORDER(Kind.CONFLICT, "Langkah aktivasi tidak berurutan"),
    LINK_UNKNOWN(Kind.NOT_FOUND, "Tautan aktivasi tidak dikenal"),
    LINK_EXPIRED(Kind.GONE, "Tautan aktivasi sudah kedaluwarsa"),
    LINK_USED(Kind.GONE, "Tautan aktivasi sudah digunakan"),
    TOO_MANY_ATTEMPTS(Kind.THROTTLED, "Terlalu banyak percobaan"),
    ACTIVATION_NOT_FOUND(Kind.NOT_FOUND, "Aktivasi tidak ditemukan"),
    NOT_AWAITING_DECISION(Kind.CONFLICT, "Aktivasi tidak sedang menunggu keputusan"),
    REASON_REQUIRED(Kind.INVALID, "Alasan wajib diisi"),
    LINK_NOT_RENEWABLE(Kind.CONFLICT, "Tautan tidak dapat dikirim ulang"),
    SELF_REVIEW(Kind.FORBIDDEN, "Verifikator tidak dapat memproses aktivasinya sendiri"),
    DIRECTORY_UNAVAILABLE(Kind.UNAVAILABLE, "Layanan SIASN sedang tidak tersedia"),
    FACE_SERVICE_UNAVAILABLE(Kind.UNAVAILABLE, "Layanan verifikasi wajah sedang tidak tersedia");

    /** What sort of failure a code is. */
    public enum Kind { INVALID, UNPROCESSABLE, NOT_FOUND, CONFLICT, GONE, THROTTLED, UNAVAILABLE, UNSUPPORTED, TOO_LARGE, FORBIDDEN }

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
