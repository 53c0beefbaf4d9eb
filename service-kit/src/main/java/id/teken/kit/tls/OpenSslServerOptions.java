package id.teken.kit.tls;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.inject.Singleton;

/** Each service's HTTPS server answers through BoringSSL where it loads ({@link OpenSslTls}). */
@Singleton
public class OpenSslServerOptions implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        OpenSslTls.apply(options);
    }
}
