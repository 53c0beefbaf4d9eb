package id.teken.signing.domain;

import java.util.Locale;

/** PAdES baseline levels Teken produces: B-B (signature only) and B-T (plus a time stamp from our TSA). */
public enum PadesLevel {
    B_B, B_T;

    public static PadesLevel parse(String raw, PadesLevel fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace("PADES_BASELINE_", "").replace("PADES_", "")) {
            case "B_B", "B" -> B_B;
            case "B_T", "T" -> B_T;
            default -> throw new DomainException(ErrorCode.LEVEL_INVALID, "Level harus B-B atau B-T.");
        };
    }

    public String label() {
        return "PAdES-BASELINE-" + name().replace("B_", "");
    }
}
