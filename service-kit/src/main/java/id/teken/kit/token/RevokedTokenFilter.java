package id.teken.kit.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.teken.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Base64;
import java.util.Optional;

/**
 * Refuses a request whose bearer token was revoked (401 TOKEN_REVOKED, in the route's error shape). The token's id is read
 * from its payload without checking the signature: a token with a revoked id is refused whether or not it is genuine (a
 * forged one would be refused anyway), and a genuine one is then checked as always. Nothing is done while no token is
 * revoked.
 */
@ApplicationScoped
public class RevokedTokenFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RevokedAccessTokens revoked;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseRevoked(ContainerRequestContext request) {
        if (!revoked.any()) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization == null || authorization.length() > 8192 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String id = tokenId(authorization.substring(7).trim());
        if (id == null || !revoked.isRevoked(id)) {
            return Optional.empty();
        }
        return Optional.of(Problems.problem(401, "TOKEN_REVOKED", "Sesi telah berakhir",
                        "Token ini sudah dicabut (Anda telah keluar). Silakan masuk kembali.", request.getUriInfo())
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build());
    }

    /** The jti of a JWT's payload, or null when the token is no JWT. */
    static String tokenId(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(first + 1, second)));
            JsonNode jti = payload == null ? null : payload.get("jti");
            return jti == null || !jti.isTextual() ? null : jti.asText();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
