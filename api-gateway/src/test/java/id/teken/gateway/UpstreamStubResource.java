package id.teken.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.teken.devstack.JwtKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock server standing in for registration-service, and a test JWT key pair. */
public class UpstreamStubResource implements QuarkusTestResourceLifecycleManager {

    static WireMockServer upstream;
    static Path keys;

    @Override
    public Map<String, String> start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        try {
            keys = Files.createTempDirectory("teken-gateway-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JwtKeys.ensure(keys);
        return Map.of(
                "teken.gateway.upstream.registration", upstream.baseUrl(),
                "teken.gateway.upstream.signing", upstream.baseUrl(),
                "teken.gateway.upstream-timeout", "PT3S",
                // The test's internal token (never in the main configuration).
                "teken.internal.token", "test-internal-token",
                "teken.client-assertion.key", "test-client-assertion-key",
                "mp.jwt.verify.publickey.location", JwtKeys.publicKey(keys).toString(),
                "smallrye.jwt.sign.key.location", JwtKeys.privateKey(keys).toString());
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.stop();
        }
    }
}
