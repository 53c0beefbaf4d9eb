package id.teken.gateway.config;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;

import java.util.Optional;

/**
 * Trust for https:// upstreams: the internal CA's certificates (PEM) when named; the JDK's otherwise. The TLS runs through
 * BoringSSL where it loads (service-kit's OpenSslTls: the 1 MB bodies of signatures cross this link twice).
 */
public final class UpstreamTls {

    private UpstreamTls() {
    }

    public static HttpClientOptions trusting(HttpClientOptions options, Optional<String> internalCa) {
        internalCa.filter(f -> !f.isBlank()).ifPresent(f -> options.setTrustOptions(new PemTrustOptions().addCertPath(f.trim())));
        return id.teken.kit.tls.OpenSslTls.apply(options);
    }
}
