package id.teken.signing.domain;

import java.util.Optional;

/**
 * A signer certificate's status as certificate-service and its events name it (the certificate part of the nine
 * dashboard statuses): only an ISSUE certificate signs.
 */
public enum CertificateStatus {
    ISSUE, SUSPEND, REVOKE, EXPIRED;

    public boolean signs() {
        return this == ISSUE;
    }

    /** The status of this name, or empty for any other text. */
    public static Optional<CertificateStatus> of(String name) {
        for (CertificateStatus s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
