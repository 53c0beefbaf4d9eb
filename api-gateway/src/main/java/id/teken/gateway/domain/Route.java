package id.teken.gateway.domain;

import java.util.Optional;

/**
 * One public route family: a path prefix, the upstream service that answers it, the role a caller must
 * hold (empty = open to anyone), the largest request body it accepts, and optionally a larger limit for
 * paths ending in a given suffix (e.g. the selfie upload under the activation routes); systemClients lets
 * HTTP Basic credentials through instead of a JWT (the upstream checks them against its system clients).
 */
public record Route(String prefix, String upstream, Optional<String> requiredRole, long maxBodyBytes,
                    Optional<String> largeBodySuffix, long largeBodyBytes, boolean systemClients) {

    public Route(String prefix, String upstream, Optional<String> requiredRole, long maxBodyBytes) {
        this(prefix, upstream, requiredRole, maxBodyBytes, Optional.empty(), maxBodyBytes, false);
    }

    public Route(String prefix, String upstream, Optional<String> requiredRole, long maxBodyBytes,
                 Optional<String> largeBodySuffix, long largeBodyBytes) {
        this(prefix, upstream, requiredRole, maxBodyBytes, largeBodySuffix, largeBodyBytes, false);
    }

    /** The same route, also open to system clients' HTTP Basic credentials (checked by the upstream service). */
    public Route withSystemClients() {
        return new Route(prefix, upstream, requiredRole, maxBodyBytes, largeBodySuffix, largeBodyBytes, true);
    }

    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** The body limit for this exact path. */
    public long maxBodyBytes(String path) {
        return largeBodySuffix.filter(path::endsWith).map(s -> largeBodyBytes).orElse(maxBodyBytes);
    }
}
