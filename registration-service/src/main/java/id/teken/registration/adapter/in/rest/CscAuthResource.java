package id.teken.registration.adapter.in.rest;

import id.teken.registration.application.port.in.LogInCommand;
import id.teken.registration.application.port.in.LogInUseCase;
import id.teken.registration.domain.DomainException;
import io.vertx.core.http.HttpServerRequest;
import id.teken.registration.application.port.in.RevokeAccessTokenUseCase;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Cloud Signature Consortium API v2's auth/login: HTTP Basic NIP:password -> {access_token, expires_in}, the same
 * login (and throttle) as /api/v1/auth/login; the token is then the Bearer of the other /csc/v2 calls (signing-service).
 * Errors in CSC's shape: {"error", "error_description"}.
 */
@Path("/csc/v2/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "CSC API v2", description = "Cloud Signature Consortium API v2: masuk dengan HTTP Basic (NIP:password)")
public class CscAuthResource {

    @Inject
    LogInUseCase logIn;

    @Inject
    RevokeAccessTokenUseCase revokeToken;

    @Inject
    SecurityIdentity identity;

    @Inject
    JWTParser parser;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** auth/revoke: the token to revoke (the bearer itself when left out) and its kind (only access tokens exist here). */
    public record RevokeRequest(String token, String token_type_hint, String clientData) {
    }

    /**
     * auth/revoke (Bearer): revokes the access token named, which must be the caller's own, or the bearer itself; 204. Every
     * service refuses the token from then on.
     */
    @POST
    @Path("/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "CSC auth/revoke: mencabut access token (milik sendiri) sebelum kedaluwarsa; 204")
    public Response revoke(String raw) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken caller)) {
            return error(401, "invalid_token", "The access token is missing, expired or not valid (auth/login)");
        }
        RevokeRequest body;
        try {
            body = raw == null || raw.isBlank() ? null : JSON.readValue(raw, RevokeRequest.class);
        } catch (java.io.IOException e) {
            return error(400, "invalid_request", "The request body is not valid JSON");
        }
        if (body != null && body.token_type_hint() != null && !body.token_type_hint().isBlank()
                && !"access_token".equals(body.token_type_hint().trim())) {
            return error(400, "invalid_request", "Invalid parameter token_type_hint (only access_token: Teken issues no refresh tokens)");
        }
        JsonWebToken target = caller;
        if (body != null && body.token() != null && !body.token().isBlank()) {
            if (body.token().length() > 8192) {
                return error(400, "invalid_request", "Invalid parameter token");
            }
            try {
                target = parser.parse(body.token().trim());
            } catch (ParseException | RuntimeException e) {
                return error(400, "invalid_request", "Invalid parameter token (not a valid access token of this service)");
            }
            if (!caller.getSubject().equals(target.getSubject())) {
                return error(400, "invalid_request", "Invalid parameter token (not the caller's)");
            }
        }
        try {
            AuthResource.revoke(revokeToken, target);
        } catch (DomainException e) {
            return error(400, "invalid_request", e.getMessage());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/login")
    @Operation(summary = "CSC auth/login: HTTP Basic NIP:password -> access_token (JWT berumur pendek), expires_in")
    public Response login(@HeaderParam("Authorization") String authorization, @Context HttpServerRequest http) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return error(400, "invalid_request", "HTTP Basic authorization (NIP:password) is required");
        }
        char[] decoded;
        try {
            byte[] raw = Base64.getDecoder().decode(authorization.substring(6).trim());
            decoded = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(raw)).array();
            Arrays.fill(raw, (byte) 0);
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_request", "The authorization header does not match the pattern Basic base64(user:password)");
        }
        String text = new String(decoded).trim().replace("\0", "");
        Arrays.fill(decoded, '\0');
        int colon = text.indexOf(':');
        if (colon < 1) {
            return error(400, "invalid_request", "The authorization header does not match the pattern Basic base64(user:password)");
        }
        try {
            LogInUseCase.LoginResult result = logIn.logIn(LogInCommand.of(text.substring(0, colon), text.substring(colon + 1),
                    http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", result.accessToken());
            body.put("expires_in", Math.max(0, result.expiresAt().getEpochSecond() - Instant.now().getEpochSecond()));
            return Response.ok(body).build();
        } catch (DomainException e) {
            return switch (e.code().kind()) {
                case THROTTLED -> {
                    Response.ResponseBuilder r = Response.status(429).type(MediaType.APPLICATION_JSON)
                            .entity(Map.of("error", "temporarily_unavailable", "error_description", e.getMessage()));
                    if (e.retryAfter() != null) {
                        r.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
                    }
                    yield r.build();
                }
                case INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND -> error(400, "authentication_error", e.getMessage());
                case UNAVAILABLE -> error(503, "temporarily_unavailable", e.getMessage());
                default -> error(400, "invalid_request", e.getMessage());
            };
        }
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
