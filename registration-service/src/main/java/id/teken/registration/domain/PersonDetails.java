package id.teken.registration.domain;

/**
 * What a verifier types about contract staff who are not in the employee export: the name as on the KTP (checked against
 * the civil registry), the unit and the position (free text, plain, at most 200 characters).
 */
public record PersonDetails(String nama, String unitOrganisasi, String jabatan) {

    public static final String DEFAULT_JABATAN = "Tenaga Kontrak";

    public static PersonDetails of(String nama, String unitOrganisasi, String jabatan) {
        String j = jabatan == null || jabatan.isBlank() ? DEFAULT_JABATAN : jabatan;
        return new PersonDetails(text("Nama lengkap", nama), text("Unit organisasi", unitOrganisasi), text("Jabatan", j));
    }

    private static String text(String field, String raw) {
        String s = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            throw new DomainException(ErrorCode.PERSON_INVALID, field + " wajib diisi untuk tenaga kontrak tanpa NIP.");
        }
        if (s.length() > 200) {
            throw new DomainException(ErrorCode.PERSON_INVALID, field + " paling panjang 200 karakter.");
        }
        if (!s.matches("[\\p{L}\\p{M}0-9 .,'()/&-]+")) {
            throw new DomainException(ErrorCode.PERSON_INVALID, field + " hanya boleh berisi huruf, angka, spasi dan . , ' ( ) / & -");
        }
        return s;
    }

    /** Whether the civil registry's name is this one (case, spacing and a trailing dot aside). */
    public boolean namedAs(String registryName) {
        return normal(registryName).equals(normal(nama));
    }

    private static String normal(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").replaceAll("\\.$", "").toLowerCase(java.util.Locale.ROOT);
    }
}
