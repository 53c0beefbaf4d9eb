package id.teken.registration.domain;

import java.util.Locale;

/** Status kepegawaian: PNS and PPPK are ASN and may register by themselves; others may not. */
public enum EmploymentStatus {
    PNS, PPPK, OTHER;

    public boolean eligibleForCertificate() {
        return this == PNS || this == PPPK;
    }

    /** Reads the directory's wording (e.g. "PNS", "P3K", "PPPK", "CPNS", "Honorer"). */
    public static EmploymentStatus fromDirectory(String raw) {
        if (raw == null) {
            return OTHER;
        }
        String s = raw.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        return switch (s) {
            case "PNS", "CPNS", "PEGAWAINEGERISIPIL" -> PNS;
            case "PPPK", "P3K", "PPPKPARUHWAKTU" -> PPPK;
            default -> OTHER;
        };
    }
}
