package id.teken.gateway.application;

import id.teken.gateway.application.port.in.Admission;
import id.teken.gateway.application.port.in.Admission.Forward;
import id.teken.gateway.application.port.in.Admission.Refusal;
import id.teken.gateway.application.port.in.IncomingRequest;
import id.teken.gateway.application.port.out.SystemClientAuthenticator;
import id.teken.gateway.application.port.out.TokenVerifier;
import id.teken.gateway.application.service.RequestAdmissionService;
import id.teken.gateway.domain.RateLimiter;
import id.teken.gateway.domain.Route;
import id.teken.gateway.domain.RouteTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's admission policies with recording fakes of its out-ports: no HTTP, no Vert.x. */
class RequestAdmissionServiceTest {

    private static final Route ME = new Route("/api/v1/me", "http://registration", Optional.of("ASN"), 1024);
    private static final Route AUTH = new Route("/api/v1/auth", "http://registration", Optional.empty(), 1024);
    private static final Route SIGN = new Route("/api/v1/signatures", "http://signing", Optional.of("ASN"), 4096,
            Optional.of("/batch"), 8192).withSystemClients();
    private static final Route BSRE = new Route("/api/sign", "http://signing", Optional.empty(), 4096).bsreCompatible();

    /** Tokens "good-<subject>" are genuine with role ASN; anything else is not. */
    private final List<String> verifiedTokens = new ArrayList<>();
    private final TokenVerifier tokens = token -> {
        verifiedTokens.add(token);
        return token.startsWith("good-") ? Optional.of(new TokenVerifier.Caller(token.substring(5), Set.of("ASN")))
                : Optional.empty();
    };
    private final List<String> clientChecks = new ArrayList<>();
    private boolean clientsConfigured = true;
    private SystemClientAuthenticator.Outcome clientOutcome = SystemClientAuthenticator.Outcome.authenticated("simpeg");
    private final SystemClientAuthenticator clients = new SystemClientAuthenticator() {
        @Override
        public boolean configured() {
            return clientsConfigured;
        }

        @Override
        public CompletionStage<Outcome> authenticate(String username, String secret, String address, String requestId) {
            clientChecks.add(username + ":" + secret + "@" + address);
            return CompletableFuture.completedFuture(clientOutcome);
        }
    };
    private boolean assertionKeyConfigured = true;
    private final id.teken.gateway.application.port.out.CallerAssertions assertions = new id.teken.gateway.application.port.out.CallerAssertions() {
        @Override
        public boolean configured() {
            return assertionKeyConfigured;
        }

        @Override
        public String forSystemClient(String username, String method, String path) {
            return "assertion-for-" + username + " " + method + " " + path;
        }
    };
    private long now = 1_000_000_000L;
    private int perAddress = 100;
    private int perIdentity = 100;

    private Admission admit(String path, String contentLength, String authorization) {
        RequestAdmissionService service = service();
        return admit(service, path, contentLength, authorization);
    }

    private RequestAdmissionService service() {
        return new RequestAdmissionService(new RouteTable(List.of(ME, AUTH, SIGN, BSRE)), tokens, clients,
                assertions, new RateLimiter(perAddress), new RateLimiter(perIdentity), () -> now);
    }

    private static Admission admit(RequestAdmissionService service, String path, String contentLength, String authorization) {
        return service.admit(new IncomingRequest("POST", path, "10.0.0.7", contentLength, authorization, "req-1"))
                .toCompletableFuture().join();
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static Refusal refused(Admission admission, int status, String code) {
        assertThat(admission).isInstanceOf(Refusal.class);
        Refusal refusal = (Refusal) admission;
        assertThat(refusal.status()).isEqualTo(status);
        assertThat(refusal.code()).isEqualTo(code);
        return refusal;
    }

    @Test
    void openRoute_goesOnWithoutCredentials_namedByItsTemplate() {
        Admission admission = admit("/api/v1/auth/login", "12", null);
        assertThat(admission).isEqualTo(new Forward(AUTH, null));
        assertThat(admission.routeTemplate()).isEqualTo("/api/v1/auth/*");
    }

    @Test
    void unknownAndOverlongPaths_areRefusedWithoutSayingThePath() {
        assertThat(refused(admit("/api/v1/nothing", null, null), 404, "NOT_FOUND").routeTemplate()).isEqualTo("/{unknown}");
        assertThat(refused(admit("/api/v1/me/" + "a".repeat(3000), null, null), 414, "URI_TOO_LONG").routeTemplate())
                .isEqualTo("/{too-long}");
    }

    @Test
    void declaredBody_overTheRoutesLimit_orNotANumber_isRefusedBeforeTheToken() {
        refused(admit("/api/v1/me", "1025", "Bearer good-a"), 413, "PAYLOAD_TOO_LARGE");
        refused(admit("/api/v1/me", "12x", "Bearer good-a"), 400, "MALFORMED_REQUEST");
        assertThat(admission("/api/v1/signatures/batch", "8000")).isInstanceOf(Forward.class);
        refused(admit("/api/v1/signatures", "8000", "Bearer good-a"), 413, "PAYLOAD_TOO_LARGE");
        assertThat(verifiedTokens).containsExactly("good-a");
    }

    private Admission admission(String path, String length) {
        return admit(path, length, "Bearer good-a");
    }

    @Test
    void protectedRoute_wantsAGenuineTokenWithTheRole() {
        Refusal none = refused(admit("/api/v1/me", null, null), 401, "UNAUTHENTICATED");
        assertThat(none.headers()).containsEntry("WWW-Authenticate", "Bearer");
        refused(admit("/api/v1/me", null, "Bearer forged"), 401, "UNAUTHENTICATED");
        refused(admit("/api/v1/me", null, "Basic " + "x"), 401, "UNAUTHENTICATED");
        assertThat(admit("/api/v1/me", null, "bearer good-a")).isEqualTo(new Forward(ME, null));
    }

    @Test
    void wrongRole_isForbidden() {
        Route admin = new Route("/api/v1/admin/clients", "http://signing", Optional.of("ADMIN"), 1024);
        RequestAdmissionService service = new RequestAdmissionService(new RouteTable(List.of(admin)), tokens, clients,
                assertions, new RateLimiter(0), new RateLimiter(0), () -> now);
        refused(admit(service, "/api/v1/admin/clients", null, "Bearer good-a"), 403, "FORBIDDEN");
    }

    @Test
    void callerAddress_isLimitedFirst_withRetryAfter() {
        perAddress = 2;
        RequestAdmissionService service = service();
        admit(service, "/api/v1/auth/login", null, null);
        admit(service, "/api/v1/auth/login", null, null);
        Refusal third = refused(admit(service, "/api/v1/auth/login", null, null), 429, "TOO_MANY_REQUESTS");
        assertThat(third.headers()).containsEntry("Retry-After", "30");
        now += 30_000_000_000L;
        assertThat(admit(service, "/api/v1/auth/login", null, null)).isInstanceOf(Forward.class);
    }

    @Test
    void forgedTokens_doNotSpendTheSubjectsBudget_genuineOnesDo() {
        perIdentity = 1;
        RequestAdmissionService service = service();
        for (int i = 0; i < 5; i++) {
            refused(admit(service, "/api/v1/me", null, "Bearer forged-a"), 401, "UNAUTHENTICATED");
        }
        assertThat(admit(service, "/api/v1/me", null, "Bearer good-a")).isInstanceOf(Forward.class);
        refused(admit(service, "/api/v1/me", null, "Bearer good-a"), 429, "TOO_MANY_REQUESTS");
        assertThat(admit(service, "/api/v1/me", null, "Bearer good-b")).isInstanceOf(Forward.class);
    }

    @Test
    void systemClient_goesOnAsAnAssertion_neverWithItsSecret() {
        Admission admission = admit("/api/v1/signatures", "100", basic("simpeg", "s3cret:with:colons"));
        assertThat(admission).isEqualTo(new Forward(SIGN, "assertion-for-simpeg POST /api/v1/signatures"));
        assertThat(clientChecks).containsExactly("simpeg:s3cret:with:colons@10.0.0.7");
        assertThat(verifiedTokens).isEmpty();
    }

    @Test
    void systemClient_refusedOrUnreadable_is401InBsresShapeOnTheCompatibleRoutes() {
        clientOutcome = SystemClientAuthenticator.Outcome.REFUSED;
        Refusal refusal = refused(admit("/api/sign/pdf", null, basic("simpeg", "wrong")), 401, "CLIENT_UNAUTHENTICATED");
        assertThat(refusal.bsreShape()).isTrue();
        assertThat(refusal.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"teken\"");
        assertThat(refused(admit("/api/v1/signatures", null, basic("simpeg", "wrong")), 401, "CLIENT_UNAUTHENTICATED")
                .bsreShape()).isFalse();
        refused(admit("/api/sign/pdf", null, "Basic %%%"), 401, "CLIENT_UNAUTHENTICATED");
        refused(admit("/api/sign/pdf", null, basic("", "nouser")), 401, "CLIENT_UNAUTHENTICATED");
        assertThat(clientChecks).hasSize(2);
    }

    @Test
    void systemClient_whenTheCheckCannotBeMade_is503WithRetryAfter() {
        clientOutcome = SystemClientAuthenticator.Outcome.UNAVAILABLE;
        assertThat(refused(admit("/api/sign/pdf", null, basic("simpeg", "x")), 503, "SERVICE_UNAVAILABLE").headers())
                .containsEntry("Retry-After", "10");
        clientsConfigured = false;
        assertThat(refused(admit("/api/sign/pdf", null, basic("simpeg", "x")), 503, "SERVICE_UNAVAILABLE").headers())
                .isEqualTo(Map.of("Retry-After", "60"));
        clientsConfigured = true;
        assertionKeyConfigured = false;
        assertThat(refused(admit("/api/sign/pdf", null, basic("simpeg", "x")), 503, "SERVICE_UNAVAILABLE").headers())
                .isEqualTo(Map.of("Retry-After", "60"));
    }

    @Test
    void systemClient_isLimitedPerClientOnceProven() {
        perIdentity = 1;
        RequestAdmissionService service = service();
        assertThat(admit(service, "/api/sign/pdf", null, basic("simpeg", "x"))).isInstanceOf(Forward.class);
        Refusal second = refused(admit(service, "/api/sign/pdf", null, basic("simpeg", "x")), 429, "TOO_MANY_REQUESTS");
        assertThat(second.bsreShape()).isFalse();
    }
}
