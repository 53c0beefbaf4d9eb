package id.teken.kit.outbox;

import org.jboss.logging.MDC;

import java.util.UUID;

/**
 * The correlation id of the work in progress: the gateway's request id for a REST call, or the consumed
 * event's correlationId. Kept in the logging MDC (which Quarkus carries across the request's threads),
 * so logs and the events a request causes show the same id.
 */
public final class Correlation {

    public static final String MDC_KEY = "correlationId";
    public static final String HEADER = "X-Request-Id";

    private Correlation() {
    }

    /** The current correlation id, or a new one when none is set. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? UUID.randomUUID().toString() : value.toString();
    }

    public static void set(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, correlationId);
        }
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }

    /** Accepts a caller's id only when it looks like one (bounded, no control characters); else makes one. */
    public static String sanitize(String candidate) {
        if (candidate != null && candidate.matches("[A-Za-z0-9._:-]{1,100}")) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}
