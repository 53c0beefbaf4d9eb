package id.teken.signing.domain;

import java.util.Locale;

/**
 * PAdES baseline levels Teken produces: B-B (signature only), B-T (plus a time stamp from our TSA), B-LT (plus the
 * OCSP/CRL data that proves the whole chain was good, embedded so the signature can be checked without our servers) and
 * B-LTA (plus a document time stamp over all of it, so the evidence itself stays checkable as algorithms age; renewed by
 * adding another).
 */
public enum PadesLevel {
    B_B, B_T, B_LT, B_LTA;

    public static PadesLevel parse(String raw, PadesLevel fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace("PADES_BASELINE_", "").replace("PADES_", "")) {
            case "B_B", "B" -> B_B;
            case "B_T", "T" -> B_T;
            case "B_LT", "LT" -> B_LT;
            case "B_LTA", "LTA" -> B_LTA;
            default -> throw new DomainException(ErrorCode.LEVEL_INVALID, "Level harus B-B, B-T, B-LT atau B-LTA.");
        };
    }

    public String label() {
        return "PAdES-BASELINE-" + name().replace("B_", "");
    }

    /** Whether the level embeds the chain's revocation data (B-LT and B-LTA). */
    public boolean longTerm() {
        return this == B_LT || this == B_LTA;
    }
}
