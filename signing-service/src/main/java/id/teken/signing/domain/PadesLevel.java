package id.teken.signing.domain;

import java.util.Locale;

/**
 * PAdES baseline levels Teken produces: B-B (signature only), B-T (plus a time stamp from our TSA) and B-LT (plus the
 * OCSP/CRL data that proves the certificate was good, embedded so the signature can be checked without our servers).
 */
public enum PadesLevel {
    B_B, B_T, B_LT;

    public static PadesLevel parse(String raw, PadesLevel fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace("PADES_BASELINE_", "").replace("PADES_", "")) {
            case "B_B", "B" -> B_B;
            case "B_T", "T" -> B_T;
            case "B_LT", "LT" -> B_LT;
            default -> throw new DomainException(ErrorCode.LEVEL_INVALID, "Level harus B-B, B-T atau B-LT.");
        };
    }

    public String label() {
        return "PAdES-BASELINE-" + name().replace("B_", "");
    }
}
