package id.teken.gateway.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The public routes; the longest matching prefix wins. Paths with dot segments never match. */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
    }

    public Optional<Route> match(String path) {
        if (path == null || path.contains("/../") || path.endsWith("/..") || path.contains("/./") || path.contains("//")
                || path.contains("%2e") || path.contains("%2E") || path.contains("%2f") || path.contains("%2F")) {
            return Optional.empty();
        }
        return routes.stream().filter(r -> r.matches(path)).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }
}
