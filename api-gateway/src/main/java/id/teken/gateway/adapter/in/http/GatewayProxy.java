package id.teken.gateway.adapter.in.http;

import id.teken.kit.ClientAssertion;
import id.teken.gateway.application.port.out.SystemClientAuthenticator;
import id.teken.gateway.application.port.out.TokenVerifier;
import id.teken.gateway.domain.Route;
import id.teken.gateway.domain.RouteTable;
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
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The public entrance: matches the route, enforces the body limit and the role, then streams the request
 * to the upstream service and its answer back. Its own refusals are problem+json (404 unknown route, 413
 * body too large, 401 missing or invalid token, 403 wrong role, 503 upstream down, 504 upstream slow).
 */
@ApplicationScoped
public class GatewayProxy {

    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String KEEP_READING = "teken.keep-reading";
    private static final long DISCARD_LIMIT = 64L * 1024 * 1024;
    /** Longer paths get 414 problem+json (the request line itself may be up to quarkus.http.limits.max-initial-line-length). */
    static final int MAX_PATH = 2048;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded", "x-real-ip",
            "x-teken-client", "expect");

    @Inject
    RouteTable routes;

    @Inject
    TokenVerifier tokens;

    @Inject
    SystemClientAuthenticator systemClients;

    @ConfigProperty(name = "teken.internal.token")
    Optional<String> internalToken;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "teken.gateway.upstream-timeout")
    Duration upstreamTimeout;

    @ConfigProperty(name = "teken.gateway.rate-limit.per-ip")
    int perIpPerMinute;

    @ConfigProperty(name = "teken.gateway.rate-limit.per-client")
    int perClientPerMinute;

    private id.teken.gateway.domain.RateLimiter ipLimiter;
    private id.teken.gateway.domain.RateLimiter clientLimiter;

    private HttpClient client;

    void install(@Observes Router router) {
        ipLimiter = new id.teken.gateway.domain.RateLimiter(perIpPerMinute);
        clientLimiter = new id.teken.gateway.domain.RateLimiter(perClientPerMinute);
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(3000).setMaxPoolSize(200)
                .setKeepAlive(true).setDecompressionSupported(false));
        router.route("/api/*").order(-100).handler(this::handle);
        router.route("/pki/*").order(-100).handler(this::handle);
        router.route("/verify/*").order(-100).handler(this::handle);
        router.route().order(Integer.MAX_VALUE - 10).handler(this::notFound);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String requestId = requestId(request);
        ctx.response().putHeader(REQUEST_ID, requestId);
        if (request.path() != null && request.path().length() > MAX_PATH) {
            labelMetrics(ctx, "/{too-long}");
            problem(ctx, 414, "URI_TOO_LONG", "Alamat terlalu panjang", "Alamat yang diminta melebihi " + MAX_PATH + " karakter.");
            return;
        }
        Optional<Route> route = routes.match(request.path());
        if (route.isEmpty()) {
            labelMetrics(ctx, "/{unknown}");
            problem(ctx, 404, "NOT_FOUND", "Tidak ditemukan", "Alamat yang diminta tidak ada.");
            return;
        }
        Route r = route.get();
        // Metrics name the route, never the raw path (which may carry a one-time link token or a document id).
        labelMetrics(ctx, r.prefix() + "/*");
        if (!withinLimit(ctx, ipLimiter, "ip:" + callerAddress(request))) {
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                problem(ctx, 400, "MALFORMED_REQUEST", "Permintaan tidak valid", "Content-Length tidak valid.");
                return;
            }
            if (declared > r.maxBodyBytes(request.path())) {
                tooLarge(ctx, r);
                return;
            }
        }
        String basicOrBearer = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (r.systemClients() && basicOrBearer != null && basicOrBearer.regionMatches(true, 0, "Basic ", 0, 6)) {
            authenticateSystemClient(ctx, r, requestId, basicOrBearer);
            return;
        }
        if (r.requiredRole().isPresent()) {
            Optional<TokenVerifier.Caller> caller = basicOrBearer != null && basicOrBearer.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.verify(basicOrBearer.substring(7).trim()) : Optional.empty();
            if (caller.isEmpty()) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                problem(ctx, 401, "UNAUTHENTICATED", "Perlu masuk",
                        "Token tidak ada, tidak valid, atau kedaluwarsa. Silakan masuk kembali.");
                return;
            }
            if (!caller.get().roles().contains(r.requiredRole().get())) {
                problem(ctx, 403, "FORBIDDEN", "Akses ditolak", "Peran Anda tidak mengizinkan tindakan ini.");
                return;
            }
            // Counted per caller only now that the token is known to be genuine: a forged token cannot spend someone's budget.
            if (!withinLimit(ctx, clientLimiter, "sub:" + caller.get().subject())) {
                return;
            }
        }
        forward(ctx, r, requestId, null);
    }

    /**
     * A system client's HTTP Basic credentials: checked with signing-service (which keeps the clients), then the request
     * goes on with an internal identity ({@link ClientAssertion}) in place of the credentials. Refusals are 401 (BSrE's
     * shape on the compatible routes), 503 when the check cannot be made.
     */
    private void authenticateSystemClient(RoutingContext ctx, Route route, String requestId, String authorization) {
        if (!systemClients.configured()) {
            ctx.response().putHeader("Retry-After", "60");
            refuse(ctx, route, 503, "SERVICE_UNAVAILABLE", "Layanan sedang tidak tersedia",
                    "Aplikasi klien belum dapat dilayani (konfigurasi internal belum lengkap).");
            return;
        }
        String username;
        String secret;
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("no username");
            }
            username = decoded.substring(0, colon);
            secret = decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            clientRefused(ctx, route, "Kredensial aplikasi tidak terbaca.");
            return;
        }
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        systemClients.authenticate(username, secret, address, requestId).whenComplete((outcome, failure) -> {
            MDC.put("correlationId", requestId);
            if (failure != null || outcome.result() == SystemClientAuthenticator.Result.UNAVAILABLE) {
                ctx.response().putHeader("Retry-After", "10");
                refuse(ctx, route, 503, "SERVICE_UNAVAILABLE", "Layanan sedang tidak tersedia", "Coba lagi beberapa saat lagi.");
            } else if (outcome.result() == SystemClientAuthenticator.Result.REFUSED) {
                clientRefused(ctx, route, "Kredensial aplikasi tidak valid, nonaktif, atau alamat IP tidak diizinkan.");
            } else if (withinLimit(ctx, clientLimiter, "client:" + outcome.username())) {
                forward(ctx, route, requestId, ClientAssertion.create(outcome.username(), internalToken.orElseThrow(), java.time.Instant.now()));
            }
        });
    }

    private void clientRefused(RoutingContext ctx, Route route, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"teken\"");
        refuse(ctx, route, 401, "CLIENT_UNAUTHENTICATED", "Kredensial aplikasi tidak valid", detail);
    }

    /** problem+json, or on the BSrE-compatible routes BSrE's {"error", "status_code", "message"}. */
    private static void refuse(RoutingContext ctx, Route route, int status, String code, String title, String detail) {
        if (!route.bsreErrors()) {
            problem(ctx, status, code, title, detail);
            return;
        }
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended()) {
            return;
        }
        JsonObject body = new JsonObject().put("error", status == 401 ? "Unauthorized" : title).put("status_code", status)
                .put("message", detail);
        if (!ctx.request().isEnded()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
    }

    private void forward(RoutingContext ctx, Route route, String requestId, String clientAssertion) {
        HttpServerRequest request = ctx.request();
        URI upstream = URI.create(route.upstream());
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(upstream.getHost())
                .setPort(upstream.getPort()).setURI(request.uri()).setTimeout(upstreamTimeout.toMillis());
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
        headers.set("X-Forwarded-For", request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
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
                    request.connection().close();
                }
                return;
            }
            if (seen[0] > route.maxBodyBytes(request.path())) {
                cut[0] = true;
                upstream.reset();
                ctx.put(KEEP_READING, true);
                tooLarge(ctx, route);
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
        LOG.warnf("Upstream %s for %s: %s", timeout ? "timed out" : "unavailable", redact(ctx.request().path()),
                cause.getClass().getSimpleName());
        if (timeout) {
            problem(ctx, 504, "UPSTREAM_TIMEOUT", "Layanan terlalu lama merespons", "Coba lagi beberapa saat lagi.");
        } else {
            ctx.response().putHeader("Retry-After", "10");
            problem(ctx, 503, "SERVICE_UNAVAILABLE", "Layanan sedang tidak tersedia", "Coba lagi beberapa saat lagi.");
        }
    }

    /**
     * One token of a bucket (a caller's address before anything else; an authenticated client's or token subject's once
     * that identity is proven): 429 problem+json with Retry-After when it is empty.
     */
    private boolean withinLimit(RoutingContext ctx, id.teken.gateway.domain.RateLimiter limiter, String key) {
        long wait = limiter.acquire(key, System.nanoTime());
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", String.valueOf(wait));
            problem(ctx, 429, "TOO_MANY_REQUESTS", "Terlalu banyak permintaan",
                    "Batas permintaan terlampaui. Coba lagi setelah " + wait + " detik.");
            return false;
        }
        return true;
    }

    private static String callerAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
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

    private void tooLarge(RoutingContext ctx, Route route) {
        problem(ctx, 413, "PAYLOAD_TOO_LARGE", "Data terlalu besar",
                "Badan permintaan melebihi batas " + (route.maxBodyBytes(ctx.request().path()) / 1024) + " KB untuk alamat ini.");
    }

    void notFound(RoutingContext ctx) {
        ctx.response().putHeader(REQUEST_ID, requestId(ctx.request()));
        labelMetrics(ctx, "/{unknown}");
        problem(ctx, 404, "NOT_FOUND", "Tidak ditemukan", "Alamat yang diminta tidak ada.");
    }

    private static void problem(RoutingContext ctx, int status, String code, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", "https://teken.id/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("title", title).put("status", status).put("detail", detail).put("code", code)
                .put("instance", redact(ctx.request().path())).put("requestId", response.headers().get(REQUEST_ID));
        if (!ctx.request().isEnded() && ctx.get(KEEP_READING) == null) {
            // The caller's body was not read; do not let it be taken for the next request on this connection.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(body.encode());
    }

    /** Link tokens (43 base64url characters) in a path never reach a log or an error body; nor more than 200 characters of it. */
    static String redact(String path) {
        if (path == null) {
            return null;
        }
        String cut = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        return cut.replaceAll("/[A-Za-z0-9_-]{43}(?=/|$)", "/{token}");
    }

    private static String requestId(HttpServerRequest request) {
        String candidate = request.getHeader(REQUEST_ID);
        String id = candidate != null && candidate.matches("[A-Za-z0-9._:-]{1,100}") ? candidate : UUID.randomUUID().toString();
        MDC.put("correlationId", id);
        return id;
    }
}
