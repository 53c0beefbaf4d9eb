package id.teken.gateway.domain;

import java.util.Optional;

/**
 * One public route family: a path prefix, the upstream service that answers it, the role a caller must
 * hold (empty = open to anyone), the largest request body it accepts, and optionally a larger limit for
 * paths ending in a given suffix (e.g. the selfie upload under the activation routes); systemClients accepts
 * system clients' HTTP Basic credentials instead of a JWT (the gateway checks them and forwards an internal identity,
 * never the secret); bsreErrors answers the gateway's own refusals in BSrE's body shape (the compatible routes).
 */
public record Route(String prefix, String upstream, Optional<String> requiredRole, long maxBodyBytes,
                    Optional<String> largeBodySuffix, long largeBodyBytes, boolean systemClients, boolean bsreErrors) {

    public Route(String prefix, String upstream, Optional<String> requiredRole, long maxBodyBytes) {
        this(prefix, upstream, requiredRole, maxBodyBytes, Optional.empty(), maxBodyBytes, false, false);
    }

    public Route(String prefix, String upstream, Optional<String> requiredRole, long maxBodyBytes,
                 Optional<String> largeBodySuffix, long largeBodyBytes) {
        this(prefix, upstream, requiredRole, maxBodyBytes, largeBodySuffix, largeBodyBytes, false, false);
    }

    /** The same route, also open to system clients' HTTP Basic credentials (checked here, forwarded as an identity). */
    public Route withSystemClients() {
        return new Route(prefix, upstream, requiredRole, maxBodyBytes, largeBodySuffix, largeBodyBytes, true, bsreErrors);
    }

    /** The same route, for system clients only and with BSrE-shaped refusals ({"error", "status_code"}). */
    public Route bsreCompatible() {
        return new Route(prefix, upstream, requiredRole, maxBodyBytes, largeBodySuffix, largeBodyBytes, true, true);
    }

    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** The body limit for this exact path. */
    public long maxBodyBytes(String path) {
        return largeBodySuffix.filter(path::endsWith).map(s -> largeBodyBytes).orElse(maxBodyBytes);
    }
}
