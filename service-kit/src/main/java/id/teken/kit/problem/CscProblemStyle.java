package id.teken.kit.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Cloud Signature Consortium API's error shape on /csc/ routes, {"error", "error_description"} with OAuth-style codes,
 * for every service that answers some of those routes (registration-service's auth, signing-service's rest): a service
 * makes one bean of a subclass; {@link #body} is also what its own mappers use.
 */
public abstract class CscProblemStyle implements ProblemStyle {

    /** Whether the request is on the CSC API's routes. */
    public static boolean onCscRoute(UriInfo uri) {
        return uri != null && ("/" + uri.getPath().replaceAll("^/+", "")).startsWith("/csc/");
    }

    /** A CSC error body; a 401 also says how to authenticate (Bearer). */
    public static Response body(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return r.build();
    }

    @Override
    public boolean appliesTo(UriInfo uri) {
        return onCscRoute(uri);
    }

    /** The framework's failures (no or bad token, malformed JSON, unknown route): CSC's code for the HTTP status. */
    @Override
    public Response render(int status, String code, String title, String detail) {
        String error = switch (status) {
            case 401 -> "invalid_token";
            case 403 -> "access_denied";
            case 503 -> "temporarily_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
        return body(status, error, detail == null ? title : detail);
    }
}
