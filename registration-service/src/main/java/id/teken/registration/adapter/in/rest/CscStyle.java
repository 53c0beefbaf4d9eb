package id.teken.registration.adapter.in.rest;

import id.teken.kit.problem.ProblemStyle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The framework's failures on the CSC API's routes here (/csc/v2/auth: a missing, forged, expired or revoked token, a
 * malformed body) in CSC's shape {"error", "error_description"}, as signing-service answers on the rest of /csc/v2.
 */
@ApplicationScoped
public class CscStyle implements ProblemStyle {

    @Override
    public boolean appliesTo(UriInfo uri) {
        return uri != null && ("/" + uri.getPath().replaceAll("^/+", "")).startsWith("/csc/");
    }

    @Override
    public Response render(int status, String code, String title, String detail) {
        String error = switch (status) {
            case 401 -> "invalid_token";
            case 403 -> "access_denied";
            case 503 -> "temporarily_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", detail == null ? title : detail);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return r.build();
    }
}
