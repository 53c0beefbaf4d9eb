package id.teken.kit.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The audit trail's settings (teken.audit.*): where its head is time-stamped, and how often. */
@ConfigMapping(prefix = "teken.audit")
public interface AuditSettings {

    /** Teken's TSA (RFC 3161), e.g. certificate-service's /pki/tsa; unset: the head is not time-stamped. */
    Optional<String> tsaUrl();

    /** The internal CA (PEM) the TSA's HTTPS certificate chains to, when the services talk over TLS (TEKEN_INTERNAL_CA). */
    Optional<String> internalCa();

    /** How often a changed head is time-stamped. */
    @WithDefault("PT10M")
    Duration anchorInterval();
}
