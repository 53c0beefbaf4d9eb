package id.teken.kit.outbox;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Takes the request id from the incoming request (or makes one), puts it in the MDC and echoes it. */
@ApplicationScoped
public class CorrelationRouteFilter {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = Correlation.sanitize(rc.request().getHeader(Correlation.HEADER));
            Correlation.set(id);
            rc.response().putHeader(Correlation.HEADER, id);
            rc.next();
        }, 100);
    }
}
