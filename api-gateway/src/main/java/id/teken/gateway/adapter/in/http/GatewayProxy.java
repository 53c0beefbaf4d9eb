package id.teken.gateway.adapter.in.http;

import id.teken.kit.ClientAssertion;
import id.teken.gateway.application.port.in.Admission;
import id.teken.gateway.application.port.in.Admission.Forward;
import id.teken.gateway.application.port.in.Admission.Refusal;
import id.teken.gateway.application.port.in.AdmitRequestUseCase;
import id.teken.gateway.application.port.in.IncomingRequest;
import id.teken.gateway.application.service.RequestAdmissionService;
import id.teken.gateway.config.GatewaySettings;
import id.teken.gateway.domain.Route;
import id.teken.gateway.domain.TrustedProxies;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The public entrance as a Vert.x adapter: asks the admission policies ({@link AdmitRequestUseCase}) whether a request
 * may go on, then streams it to the route's upstream and the answer back. Its own failures are problem+json (413 when
 * a body turns out too large while streaming, 503 upstream down, 504 upstream slow); refusals are written by
 * {@link Refusals}.
 */
@ApplicationScoped
public class GatewayProxy {

    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    static final String REQUEST_ID = "X-Request-Id";
    private static final long DISCARD_LIMIT = 64L * 1024 * 1024;
    static final int MAX_PATH = RequestAdmissionService.MAX_PATH;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded", "x-real-ip",
            "x-teken-client", "expect");

    @Inject
    AdmitRequestUseCase admission;

    @Inject
    GatewaySettings settings;

    private TrustedProxies proxies = TrustedProxies.none();

    @Inject
    Vertx vertx;

    private HttpClient client;

    void install(@Observes Router router) {
        // A host name or a malformed entry stops the start here (it would be looked up on every request).
        proxies = TrustedProxies.of(settings.gateway().trustedProxies().orElse(java.util.List.of()));
        client = vertx.createHttpClient(id.teken.gateway.config.UpstreamTls.trusting(new HttpClientOptions().setConnectTimeout(3000).setMaxPoolSize(200)
                .setKeepAlive(true).setDecompressionSupported(false), settings.internal().ca()));
        router.route("/api/*").order(-100).handler(this::handle);
        router.route("/pki/*").order(-100).handler(this::handle);
        router.route("/verify/*").order(-100).handler(this::handle);
        router.route("/csc/*").order(-100).handler(this::handle);
        router.route().order(Integer.MAX_VALUE - 10).handler(this::notFound);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String requestId = requestId(request);
        ctx.response().putHeader(REQUEST_ID, requestId);
        IncomingRequest incoming = new IncomingRequest(request.method().name(), request.path(), callerAddress(request),
                request.getHeader(HttpHeaders.CONTENT_LENGTH), request.getHeader(HttpHeaders.AUTHORIZATION), requestId);
        admission.admit(incoming).whenComplete((decision, failure) -> {
            MDC.put("correlationId", requestId);
            if (failure != null) {
                unavailable(ctx, failure);
                return;
            }
            // Metrics name the route, never the raw path (which may carry a one-time link token or a document id).
            labelMetrics(ctx, decision.routeTemplate());
            if (decision instanceof Forward forward) {
                forward(ctx, forward.route(), requestId, forward.clientAssertion());
            } else {
                Refusals.write(ctx, (Refusal) decision);
            }
        });
    }

    private void forward(RoutingContext ctx, Route route, String requestId, String clientAssertion) {
        HttpServerRequest request = ctx.request();
        URI upstream = URI.create(route.upstream());
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(upstream.getHost())
                .setPort(upstream.getPort()).setSsl("https".equalsIgnoreCase(upstream.getScheme())).setURI(request.uri())
                .setTimeout(settings.gateway().upstreamTimeout().toMillis());
        MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
        request.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set(REQUEST_ID, requestId);
        if (clientAssertion != null) {
            // The system client's secret stops here; the upstream gets who it is.
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.set(ClientAssertion.HEADER, clientAssertion);
        }
        headers.set("X-Forwarded-For", callerAddress(request));
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        options.setHeaders(headers);
        client.request(options).onComplete(attempt -> {
            if (attempt.failed()) {
                unavailable(ctx, attempt.cause());
                return;
            }
            HttpClientRequest upstreamRequest = attempt.result();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                upstreamRequest.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            } else {
                upstreamRequest.setChunked(request.headers().contains(HttpHeaders.TRANSFER_ENCODING));
            }
            upstreamRequest.response().onComplete(answer -> {
                if (answer.failed()) {
                    unavailable(ctx, answer.cause());
                    return;
                }
                relay(ctx, answer.result());
            });
            streamBody(ctx, request, upstreamRequest, route);
        });
    }

    /** Pipes the caller's body upstream, counting bytes; beyond the limit the upstream call is cut off. */
    private void streamBody(RoutingContext ctx, HttpServerRequest request, HttpClientRequest upstream, Route route) {
        long[] seen = {0};
        boolean[] cut = {false};
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (cut[0]) {
                // Already answered 413: read and drop the rest so the caller sees the answer, within a bound.
                if (seen[0] > DISCARD_LIMIT) {
                    if (request.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
                        ctx.response().reset();   // this stream only, not the caller's other ones
                    } else {
                        request.connection().close();
                    }
                }
                return;
            }
            if (seen[0] > route.maxBodyBytes(request.path())) {
                cut[0] = true;
                upstream.reset();
                ctx.put(Refusals.KEEP_READING, true);
                Refusals.write(ctx, RequestAdmissionService.tooLarge(route, request.path()));
                return;
            }
            upstream.write(chunk);
            if (upstream.writeQueueFull()) {
                request.pause();
                upstream.drainHandler(v -> request.resume());
            }
        });
        request.endHandler(v -> {
            if (!cut[0]) {
                upstream.end();
            }
        });
        request.exceptionHandler(e -> upstream.reset());
        // A caller that asked to send its body only when welcome (curl and PHP do for bodies over 1 KB) is told to go on now,
        // after the route, the declared size and the credentials were checked; without it such callers wait a second.
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        request.resume();
    }

    private void relay(RoutingContext ctx, HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        answer.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if ((!HOP_BY_HOP.contains(name) || name.equals("content-length")) && !name.equals("x-request-id")) {
                response.headers().add(h.getKey(), h.getValue());
            }
        });
        if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        answer.pipeTo(response);
    }

    private void unavailable(RoutingContext ctx, Throwable cause) {
        boolean timeout = cause instanceof java.util.concurrent.TimeoutException
                || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
        LOG.warnf("Upstream %s for %s: %s", timeout ? "timed out" : "unavailable", Refusals.redact(ctx.request().path()),
                cause.getClass().getSimpleName());
        if (timeout) {
            Refusals.write(ctx, Refusal.of("-", 504, "UPSTREAM_TIMEOUT", "Layanan terlalu lama merespons",
                    "Coba lagi beberapa saat lagi."));
        } else {
            Refusals.write(ctx, Refusal.of("-", 503, "SERVICE_UNAVAILABLE", "Layanan sedang tidak tersedia",
                    "Coba lagi beberapa saat lagi.").with("Retry-After", "10"));
        }
    }

    /** The socket's peer, or, when the peer is a trusted proxy, the caller its X-Forwarded-For names. */
    private String callerAddress(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return proxies.isEmpty() ? peer : proxies.caller(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The route template Micrometer labels this request with (the raw path would put tokens into /q/metrics). */
    private static void labelMetrics(RoutingContext ctx, String template) {
        try {
            io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric metric =
                    io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric.getRequestMetric(ctx);
            if (metric != null) {
                metric.setTemplatePath(template);
            }
        } catch (LinkageError e) {
            // metrics are not on the class path: nothing to label
        }
    }

    void notFound(RoutingContext ctx) {
        ctx.response().putHeader(REQUEST_ID, requestId(ctx.request()));
        Refusal notFound = RequestAdmissionService.notFound();
        labelMetrics(ctx, notFound.routeTemplate());
        Refusals.write(ctx, notFound);
    }

    private static String requestId(HttpServerRequest request) {
        String candidate = request.getHeader(REQUEST_ID);
        String id = candidate != null && candidate.matches("[A-Za-z0-9._:-]{1,100}") ? candidate : UUID.randomUUID().toString();
        MDC.put("correlationId", id);
        return id;
    }
}
