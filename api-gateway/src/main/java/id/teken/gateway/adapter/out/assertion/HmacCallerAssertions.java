package id.teken.gateway.adapter.out.assertion;

import id.teken.gateway.application.port.out.CallerAssertions;
import id.teken.kit.ClientAssertion;
import java.time.Instant;

/** The system-client identity as the service kit's HMAC assertion, which signing-service reads. */
public class HmacCallerAssertions implements CallerAssertions {

    private final String key;

    public HmacCallerAssertions(String key) {
        this.key = key;
    }

    @Override
    public String forSystemClient(String username) {
        return ClientAssertion.create(username, key, Instant.now());
    }
}
