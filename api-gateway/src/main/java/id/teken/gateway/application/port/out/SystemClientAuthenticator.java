package id.teken.gateway.application.port.out;

import java.util.concurrent.CompletionStage;

/**
 * Checks a system client's HTTP Basic credentials and the caller's address with the service that keeps the system
 * clients (signing-service), so the gateway can forward an internal identity instead of the secret.
 */
public interface SystemClientAuthenticator {

    /** Whether it is configured (the internal service token is set); without it system clients cannot be served. */
    boolean configured();

    CompletionStage<Outcome> authenticate(String username, String secret, String address, String requestId);

    /** AUTHENTICATED with the client's username; REFUSED (bad credentials, disabled, address); UNAVAILABLE (try later). */
    record Outcome(Result result, String username) {
        public static Outcome authenticated(String username) {
            return new Outcome(Result.AUTHENTICATED, username);
        }

        public static final Outcome REFUSED = new Outcome(Result.REFUSED, null);
        public static final Outcome UNAVAILABLE = new Outcome(Result.UNAVAILABLE, null);
    }

    enum Result { AUTHENTICATED, REFUSED, UNAVAILABLE }
}
