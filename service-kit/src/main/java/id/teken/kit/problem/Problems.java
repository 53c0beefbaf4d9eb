package id.teken.kit.problem;

import id.teken.kit.outbox.Correlation;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Builds every error response of a service: problem+json with a stable code, the request id and the path with link
 * tokens blanked, or the route's own {@link ProblemStyle}; never a stack trace, a secret or a token.
 */
public final class Problems {

    private Problems() {
    }

    /** A failure of the given status; on a route with its own style, that style's body. */
    public static Response.ResponseBuilder problem(int status, String code, String title, String detail, UriInfo uri) {
        ProblemStyle style = styleFor(uri);
        if (style != null) {
            return Response.fromResponse(style.render(status, code, title, detail));
        }
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, uri == null ? null : redact(uri.getPath()), Correlation.current()));
    }

    /** A rule of a service's domain said no: the status follows its kind; a throttle says when to come back. */
    public static Response.ResponseBuilder refused(Enum<?> kind, String code, String title, String detail,
                                                   Duration retryAfter, UriInfo uri) {
        Response.ResponseBuilder response = problem(ProblemKind.of(kind).status(), code, title, detail, uri);
        if (retryAfter != null) {
            response.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        }
        return response;
    }

    /** A dependency (SIASN, face verification, ...) is down: 503 with the code and a Retry-After of 30 s. */
    public static Response unavailable(String code, String title, String detail, UriInfo uri) {
        return problem(503, code, title, detail, uri).header("Retry-After", 30).build();
    }

    /** Link tokens (43 base64url characters) never go back out in an error body or a log line. */
    public static String redact(String path) {
        return path.replaceAll("/[A-Za-z0-9_-]{43}(?=/|$)", "/{token}");
    }

    /**
     * Logs an unexpected failure with the classes and frames of its cause chain but none of their messages: a message
     * may quote input (a passphrase, a token, a document), a frame never does.
     */
    public static void logUnexpected(Logger log, String path, Throwable failure) {
        StringBuilder trace = new StringBuilder();
        for (Throwable t = failure; t != null && trace.length() < 8_000; t = t.getCause() == t ? null : t.getCause()) {
            trace.append(t == failure ? "" : "\ncaused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                trace.append("\n\tat ").append(frames[i]);
            }
        }
        log.errorf("Unexpected failure on %s: %s", redact(path), trace);
    }

    private static ProblemStyle styleFor(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        Instance<ProblemStyle> styles;
        try {
            styles = CDI.current().select(ProblemStyle.class);
        } catch (IllegalStateException noContainer) {
            return null;
        }
        for (ProblemStyle style : styles) {
            if (style.appliesTo(uri)) {
                return style;
            }
        }
        return null;
    }
}
