package id.teken.gateway.application.service;

import id.teken.gateway.application.port.in.Admission;
import id.teken.gateway.application.port.in.Admission.Forward;
import id.teken.gateway.application.port.in.Admission.Refusal;
import id.teken.gateway.application.port.in.AdmitRequestUseCase;
import id.teken.gateway.application.port.in.IncomingRequest;
import id.teken.gateway.application.port.out.CallerAssertions;
import id.teken.gateway.application.port.out.SystemClientAuthenticator;
import id.teken.gateway.application.port.out.SystemClientAuthenticator.Result;
import id.teken.gateway.application.port.out.TokenVerifier;
import id.teken.gateway.domain.RateLimiter;
import id.teken.gateway.domain.Route;
import id.teken.gateway.domain.RouteTable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * The gateway's policies in the order they apply: path length, route, the caller address's rate, the declared body
 * size, then either a system client's Basic credentials (checked upstream, forwarded as an identity) or a user's
 * token and role, and last the proven identity's own rate. A forged credential never spends someone's budget.
 */
public class RequestAdmissionService implements AdmitRequestUseCase {

    /** Longer paths get 414 (the request line itself may be up to quarkus.http.limits.max-initial-line-length). */
    public static final int MAX_PATH = 2048;

    private final RouteTable routes;
    private final TokenVerifier tokens;
    private final SystemClientAuthenticator systemClients;
    private final CallerAssertions assertions;
    private final RateLimiter perAddress;
    private final RateLimiter perIdentity;
    private final LongSupplier nanoClock;

    public RequestAdmissionService(RouteTable routes, TokenVerifier tokens, SystemClientAuthenticator systemClients,
                                   CallerAssertions assertions, RateLimiter perAddress, RateLimiter perIdentity,
                                   LongSupplier nanoClock) {
        this.routes = routes;
        this.tokens = tokens;
        this.systemClients = systemClients;
        this.assertions = assertions;
        this.perAddress = perAddress;
        this.perIdentity = perIdentity;
        this.nanoClock = nanoClock;
    }

    @Override
    public CompletionStage<Admission> admit(IncomingRequest request) {
        String path = request.path() == null ? "/" : request.path();
        if (path.length() > MAX_PATH) {
            return done(Refusal.of("/{too-long}", 414, "URI_TOO_LONG", "Alamat terlalu panjang",
                    "Alamat yang diminta melebihi " + MAX_PATH + " karakter."));
        }
        Optional<Route> match = routes.match(path);
        if (match.isEmpty()) {
            return done(notFound());
        }
        Route route = match.get();
        Optional<Refusal> early = overRate(route, perAddress, "ip:" + request.callerAddress())
                .or(() -> overSize(route, path, request.contentLength()));
        if (early.isPresent()) {
            return done(early.get());
        }
        String authorization = request.authorization();
        if (route.systemClients() && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return systemClient(route, authorization.substring(6).trim(), request);
        }
        if (route.requiredRole().isEmpty()) {
            return done(new Forward(route, null));
        }
        Optional<TokenVerifier.Caller> caller = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.verify(authorization.substring(7).trim()) : Optional.empty();
        if (caller.isEmpty()) {
            return done(Refusal.of(route.prefix() + "/*", 401, "UNAUTHENTICATED", "Perlu masuk",
                    "Token tidak ada, tidak valid, atau kedaluwarsa. Silakan masuk kembali.").with("WWW-Authenticate", "Bearer"));
        }
        if (!caller.get().roles().contains(route.requiredRole().get())) {
            return done(Refusal.of(route.prefix() + "/*", 403, "FORBIDDEN", "Akses ditolak", "Peran Anda tidak mengizinkan tindakan ini."));
        }
        return done(overRate(route, perIdentity, "sub:" + caller.get().subject()).<Admission>map(r -> r)
                .orElse(new Forward(route, null)));
    }

    /** The refusal for a path no route serves. */
    public static Refusal notFound() {
        return Refusal.of("/{unknown}", 404, "NOT_FOUND", "Tidak ditemukan", "Alamat yang diminta tidak ada.");
    }

    /** The refusal for a body that turned out larger than the route allows while it streamed. */
    public static Refusal tooLarge(Route route, String path) {
        return Refusal.of(route.prefix() + "/*", 413, "PAYLOAD_TOO_LARGE", "Data terlalu besar",
                "Badan permintaan melebihi batas " + (route.maxBodyBytes(path) / 1024) + " KB untuk alamat ini.");
    }

    private CompletionStage<Admission> systemClient(Route route, String basic, IncomingRequest request) {
        if (!systemClients.configured() || !assertions.configured()) {
            return done(refusal(route, 503, "SERVICE_UNAVAILABLE", "Layanan sedang tidak tersedia",
                    "Aplikasi klien belum dapat dilayani (konfigurasi internal belum lengkap).").with("Retry-After", "60"));
        }
        String username;
        String secret;
        try {
            String decoded = new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                return done(clientRefused(route, "Kredensial aplikasi tidak terbaca."));
            }
            username = decoded.substring(0, colon);
            secret = decoded.substring(colon + 1);
        } catch (IllegalArgumentException notBase64) {
            return done(clientRefused(route, "Kredensial aplikasi tidak terbaca."));
        }
        return systemClients.authenticate(username, secret, request.callerAddress(), request.requestId())
                .exceptionally(failure -> SystemClientAuthenticator.Outcome.UNAVAILABLE)
                .thenApply(outcome -> {
                    if (outcome.result() == Result.UNAVAILABLE) {
                        return refusal(route, 503, "SERVICE_UNAVAILABLE", "Layanan sedang tidak tersedia",
                                "Coba lagi beberapa saat lagi.").with("Retry-After", "10");
                    }
                    if (outcome.result() == Result.REFUSED) {
                        return clientRefused(route, "Kredensial aplikasi tidak valid, nonaktif, atau alamat IP tidak diizinkan.");
                    }
                    return overRate(route, perIdentity, "client:" + outcome.username()).<Admission>map(r -> r)
                            .orElseGet(() -> new Forward(route, assertions.forSystemClient(outcome.username(),
                                    request.method(), request.path())));
                });
    }

    private Optional<Refusal> overRate(Route route, RateLimiter limiter, String key) {
        long wait = limiter.acquire(key, nanoClock.getAsLong());
        if (wait <= 0) {
            return Optional.empty();
        }
        return Optional.of(Refusal.of(route.prefix() + "/*", 429, "TOO_MANY_REQUESTS", "Terlalu banyak permintaan",
                "Batas permintaan terlampaui. Coba lagi setelah " + wait + " detik.").with("Retry-After", String.valueOf(wait)));
    }

    private static Optional<Refusal> overSize(Route route, String path, String contentLength) {
        if (contentLength == null) {
            return Optional.empty();
        }
        try {
            return Long.parseLong(contentLength.trim()) > route.maxBodyBytes(path) ? Optional.of(tooLarge(route, path)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(Refusal.of(route.prefix() + "/*", 400, "MALFORMED_REQUEST", "Permintaan tidak valid",
                    "Content-Length tidak valid."));
        }
    }

    private static Refusal clientRefused(Route route, String detail) {
        return refusal(route, 401, "CLIENT_UNAUTHENTICATED", "Kredensial aplikasi tidak valid", detail)
                .with("WWW-Authenticate", "Basic realm=\"teken\"");
    }

    /** A refusal of the system-client path: in BSrE's body shape on the compatible routes (the limits' are problem+json). */
    private static Refusal refusal(Route route, int status, String code, String title, String detail) {
        return new Refusal(route.prefix() + "/*", status, code, title, detail, java.util.Map.of(), route.bsreErrors());
    }

    private static CompletionStage<Admission> done(Admission admission) {
        return CompletableFuture.completedFuture(admission);
    }
}
