package id.teken.gateway.adapter.in.http;

import id.teken.gateway.application.port.in.Admission.Refusal;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Writes the gateway's own refusals: problem+json with the request id, or BSrE's {"error", "status_code", "message"}
 * on the compatible routes. A refusal before the caller's body was read closes the connection after it, so the unread
 * body is not taken for the next request.
 */
final class Refusals {

    /** Set when the body is being read and dropped after a 413, so the connection may stay open. */
    static final String KEEP_READING = "teken.keep-reading";

    private Refusals() {
    }

    static void write(RoutingContext ctx, Refusal refusal) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended()) {
            return;
        }
        refusal.headers().forEach(response::putHeader);
        JsonObject body;
        String type;
        String path = ctx.request().path();
        if (path != null && path.startsWith("/csc/")) {
            // The CSC API's clients read {error, error_description} (OAuth-style codes), whoever refuses.
            String error = switch (refusal.status()) {
                case 401 -> "invalid_token";
                case 403 -> "access_denied";
                case 429, 503 -> "temporarily_unavailable";
                default -> refusal.status() >= 500 ? "server_error" : "invalid_request";
            };
            body = new JsonObject().put("error", error).put("error_description", refusal.detail() == null ? refusal.title() : refusal.detail());
            type = "application/json";
        } else if (refusal.bsreShape()) {
            body = new JsonObject().put("error", refusal.status() == 401 ? "Unauthorized" : refusal.title())
                    .put("status_code", refusal.status()).put("message", refusal.detail());
            type = "application/json";
        } else {
            body = new JsonObject()
                    .put("type", "https://teken.id/problems/" + refusal.code().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("title", refusal.title()).put("status", refusal.status()).put("detail", refusal.detail())
                    .put("code", refusal.code()).put("instance", redact(ctx.request().path()))
                    .put("requestId", response.headers().get(GatewayProxy.REQUEST_ID));
            type = "application/problem+json";
        }
        // HTTP/1.x: the unread body would be taken for the next request, so the connection closes after the answer.
        // HTTP/2 has no Connection header (sending one is a protocol error): the stream simply ends.
        if (!ctx.request().isEnded() && ctx.get(KEEP_READING) == null
                && ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatusCode(refusal.status()).putHeader(HttpHeaders.CONTENT_TYPE, type).end(body.encode());
    }

    /** Link tokens (43 base64url characters) in a path never reach a log or an error body; nor more than 200 characters of it. */
    static String redact(String path) {
        if (path == null) {
            return null;
        }
        String cut = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        return cut.replaceAll("/[A-Za-z0-9_-]{43}(?=/|$)", "/{token}");
    }
}
