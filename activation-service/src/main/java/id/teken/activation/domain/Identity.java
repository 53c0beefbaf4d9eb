package id.teken.activation.domain;


/** Step 1: the name as on the KTP, the NIK, and an Indonesian mobile number (kept as +62...). */
public record Identity(String namaLengkap, String nik, String nomorTelepon) {

    public static Identity of(String nama, String nik, String telepon) {
        if (nama == null || nama.isBlank()) {
            throw new DomainException(ErrorCode.NAMA_INVALID, "Nama lengkap wajib diisi.");
        }
        String cleanName = nama.trim().replaceAll("\\s+", " ");
        if (cleanName.length() < 2 || cleanName.length() > 100 || !cleanName.matches("[\\p{L} .,'-]+")) {
            throw new DomainException(ErrorCode.NAMA_INVALID,
                    "Nama lengkap 2-100 karakter, hanya huruf, spasi, titik, koma, apostrof dan tanda hubung.");
        }
        if (nik == null || nik.isBlank()) {
            throw new DomainException(ErrorCode.NIK_INVALID, "NIK wajib diisi.");
        }
        if (!nik.trim().matches("[0-9]{16}")) {
            throw new DomainException(ErrorCode.NIK_INVALID, "NIK harus terdiri atas 16 digit angka.");
        }
        return new Identity(cleanName, nik.trim(), normalizePhone(telepon));
    }

    /** 08xx / 628xx / +628xx with 8 to 11 more digits; spaces, dots and dashes are ignored. */
    static String normalizePhone(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DomainException(ErrorCode.PHONE_INVALID, "Nomor telepon wajib diisi.");
        }
        String digits = raw.trim().replaceAll("[\\s.()-]", "");
        String national;
        if (digits.startsWith("+62")) {
            national = digits.substring(3);
        } else if (digits.startsWith("62")) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            throw new DomainException(ErrorCode.PHONE_INVALID, "Nomor telepon seluler diawali 08, 62 atau +62.");
        }
        if (!national.matches("8[1-9][0-9]{7,10}")) {
            throw new DomainException(ErrorCode.PHONE_INVALID,
                    "Nomor telepon seluler Indonesia tidak valid (contoh: 0812-3456-7890).");
        }
        return "+62" + national;
    }

    /**
     * Whether the typed name is the registrant's name from the directory, letter for letter: only repeated spaces and the
     * case of plain ASCII letters may differ. Anything else (accents, punctuation, full-width or Cyrillic look-alikes) is
     * a difference that a verifier decides on; the certificate carries the directory's name in any case.
     */
    public static boolean sameName(String typed, String directory) {
        String a = collapse(typed);
        String b = collapse(directory);
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && !(x < 128 && y < 128 && Character.toLowerCase(x) == Character.toLowerCase(y))) {
                return false;
            }
        }
        return true;
    }

    private static String collapse(String s) {
        return s == null ? "" : s.trim().replaceAll("\\s+", " ");
    }
}
