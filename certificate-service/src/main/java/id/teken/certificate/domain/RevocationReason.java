package id.teken.certificate.domain;

import java.util.Locale;

/** RFC 5280 CRLReason values Teken uses, with their codes. */
public enum RevocationReason {
    UNSPECIFIED(0), KEY_COMPROMISE(1), AFFILIATION_CHANGED(3), SUPERSEDED(4), CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6), PRIVILEGE_WITHDRAWN(9);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The RFC 5280 name, e.g. "keyCompromise". */
    public String rfcName() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }
}
