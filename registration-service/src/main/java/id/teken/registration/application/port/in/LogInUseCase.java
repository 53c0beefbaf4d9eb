package id.teken.registration.application.port.in;

import java.time.Instant;
import java.util.Set;

/** "Masuk": NIP and password in, a short-lived bearer token out. */
public interface LogInUseCase {

    LoginResult logIn(LogInCommand command);

    /** The issued token and what the front end needs to know about it. */
    record LoginResult(String accessToken, Instant expiresAt, Set<String> roles) {
    }
}
