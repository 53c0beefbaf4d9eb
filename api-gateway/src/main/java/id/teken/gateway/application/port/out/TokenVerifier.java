package id.teken.gateway.application.port.out;

import java.util.Optional;
import java.util.Set;

/** Verifies a bearer token's signature, issuer and expiry; empty when it is not acceptable. */
public interface TokenVerifier {

    Optional<Caller> verify(String bearerToken);

    /** Who the token speaks for. */
    record Caller(String subject, Set<String> roles) {
    }
}
