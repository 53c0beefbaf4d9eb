package id.teken.gateway.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The public routes; the longest matching prefix wins. Paths with dot segments never match. */
public final class RouteTable {

    private static final String OCSP_GET = "/pki/ocsp/";

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
    }

    public Optional<Route> match(String path) {
        if (path == null || path.contains("/../") || path.endsWith("/..") || path.contains("/./") || path.contains("//")
                || path.contains("%2e") || path.contains("%2E")) {
            return Optional.empty();
        }
        // OCSP GET carries a base64 request whose '/' arrive encoded; everywhere else an encoded slash is refused.
        if ((path.contains("%2f") || path.contains("%2F")) && !path.startsWith(OCSP_GET)) {
            return Optional.empty();
        }
        return routes.stream().filter(r -> r.matches(path)).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }
}
