package id.teken.gateway.adapter.out.signing;

import id.teken.gateway.application.port.out.SystemClientAuthenticator;
import id.teken.gateway.config.GatewaySettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Asks signing-service (POST /internal/v1/system-clients/authentication, service token) whether Basic credentials
 * belong to an enabled system client allowed from the caller's address. The secret goes only there, never into a log.
 */
@ApplicationScoped
public class HttpSystemClientAuthenticator implements SystemClientAuthenticator {

    private static final Logger LOG = Logger.getLogger(HttpSystemClientAuthenticator.class);
    static final String PATH = "/internal/v1/system-clients/authentication";

    @Inject
    Vertx vertx;

    @Inject
    GatewaySettings settings;

    private Optional<String> internalToken;
    private Duration timeout;
    private HttpClient client;
    private URI upstream;

    @PostConstruct
    void init() {
        upstream = URI.create(settings.gateway().upstream().signing());
        internalToken = settings.internal().token();
        timeout = settings.gateway().clientAuthTimeout();
        client = vertx.createHttpClient(id.teken.gateway.config.UpstreamTls.trusting(
                new HttpClientOptions().setConnectTimeout(3000).setMaxPoolSize(50).setKeepAlive(true), settings.internal().ca()));
        if (!configured()) {
            LOG.warn("TEKEN_INTERNAL_TOKEN is not set: system clients (HTTP Basic) cannot be served");
        }
    }

    @Override
    public boolean configured() {
        return internalToken.filter(t -> !t.isBlank()).isPresent();
    }

    @Override
    public CompletionStage<Outcome> authenticate(String username, String secret, String address, String requestId) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(upstream.getHost())
                .setPort(upstream.getPort()).setSsl("https".equalsIgnoreCase(upstream.getScheme())).setURI(PATH)
                .setTimeout(timeout.toMillis())
                .putHeader("Authorization", "Bearer " + internalToken.orElse(""))
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json")
                .putHeader("X-Request-Id", requestId);
        Buffer body = new JsonObject().put("username", username).put("secret", secret).put("address", address).toBuffer();
        return client.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(answer -> {
                    if (response.statusCode() == 200) {
                        String name = new JsonObject(answer).getString("username");
                        return name == null ? Outcome.UNAVAILABLE : Outcome.authenticated(name);
                    }
                    if (response.statusCode() == 401 && answer.toString().contains("CLIENT_UNAUTHENTICATED")) {
                        return Outcome.REFUSED;
                    }
                    LOG.warnf("System-client authentication answered %d (%s)", response.statusCode(),
                            response.statusCode() == 401 ? "the gateway's TEKEN_INTERNAL_TOKEN is not signing-service's" : "unexpected");
                    return Outcome.UNAVAILABLE;
                }))
                .recover(failure -> {
                    LOG.warnf("System-client authentication unavailable: %s", failure.getClass().getSimpleName());
                    return io.vertx.core.Future.succeededFuture(Outcome.UNAVAILABLE);
                })
                .toCompletionStage();
    }
}
