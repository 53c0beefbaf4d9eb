package id.teken.gateway.adapter.out.jwt;

import id.teken.gateway.application.port.out.TokenVerifier;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** smallrye-jwt with the configured public key and issuer (mp.jwt.verify.*). */
@ApplicationScoped
public class SmallRyeTokenVerifier implements TokenVerifier {

    @Inject
    JWTParser parser;

    @Override
    public Optional<Caller> verify(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > 8192) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(bearerToken);
            return Optional.of(new Caller(jwt.getSubject(), jwt.getGroups()));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
