package id.teken.gateway.domain;

import java.util.Optional;

/**
 * One public route family: a path prefix, the upstream service that answers it, the role a caller must
 * hold (empty = open to anyone) and the largest request body it accepts.
 */
public record Route(String prefix, String upstream, Optional<String> requiredRole, long maxBodyBytes) {

    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
