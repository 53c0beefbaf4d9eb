package id.teken.gateway.adapter.out.assertion;

import id.teken.gateway.application.port.out.CallerAssertions;
import id.teken.kit.ClientAssertion;
import java.time.Instant;

/**
 * The system-client identity as the service kit's HMAC assertion (its own key, TEKEN_CLIENT_ASSERTION_KEY, shared with
 * signing-service only), bound to the request's method and path; signing-service reads it once.
 */
public class HmacCallerAssertions implements CallerAssertions {

    private final String key;

    public HmacCallerAssertions(String key) {
        this.key = key;
    }

    @Override
    public boolean configured() {
        return key != null && !key.isBlank();
    }

    @Override
    public String forSystemClient(String username, String method, String path) {
        return ClientAssertion.create(username, method, path, key, Instant.now());
    }
}
