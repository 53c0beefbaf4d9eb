package id.teken.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(UpstreamStubResource.class)
class GatewayProxyTest {

    static final String NIP = "198503152010011001";

    WireMockServer upstream() {
        return UpstreamStubResource.upstream;
    }

    static String token(String... groups) {
        return Jwt.issuer("https://teken.local").subject(NIP).groups(Set.of(groups)).expiresIn(300).sign();
    }

    @BeforeEach
    void reset() {
        upstream().resetAll();
    }

    @Test
    void openRoute_isProxied_withBodyStatusHeadersAndRequestId() {
        upstream().stubFor(post(urlEqualTo("/api/v1/auth/login")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Upstream", "registration")
                .withBody("{\"accessToken\":\"t\"}")));
        given().header("X-Request-Id", "req-123").contentType(ContentType.JSON).body("{\"nip\":\"" + NIP + "\",\"password\":\"x\"}")
                .post("/api/v1/auth/login")
                .then().statusCode(200).header("X-Request-Id", "req-123").header("X-Upstream", "registration")
                .body("accessToken", equalTo("t"));
        assertThat(given().header("X-Request-Id", "req-124").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/auth/login").headers().getValues("X-Request-Id")).containsExactly("req-124");
        upstream().verify(postRequestedFor(urlEqualTo("/api/v1/auth/login"))
                .withHeader("X-Request-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("req-123"))
                .withHeader("X-Forwarded-For", matching(".+"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalTo("{\"nip\":\"" + NIP + "\",\"password\":\"x\"}")));
    }

    @Test
    void upstreamProblems_passThroughUnchanged() {
        upstream().stubFor(post(urlEqualTo("/api/v1/me/certificate/registration")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"code\":\"ALREADY_REGISTERED\"}")));
        given().auth().oauth2(token("ASN")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/me/certificate/registration")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("ALREADY_REGISTERED"));
    }

    @Test
    void aForgedForwardedFor_isReplacedWithThePeer_whenNoProxyIsTrusted() {
        upstream().stubFor(get(urlEqualTo("/verify/abc")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        given().header("X-Forwarded-For", "6.6.6.6").header("X-Real-IP", "6.6.6.6").get("/verify/abc").then().statusCode(200);
        var seen = upstream().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/verify/abc")));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getHeader("X-Forwarded-For")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(seen.get(0).containsHeader("X-Real-IP")).isFalse();
    }

    @Test
    void protectedRoute_needsAValidTokenWithTheRole() {
        upstream().stubFor(get(urlEqualTo("/api/v1/me")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"nip\":\"x\"}")));
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED")).header("WWW-Authenticate", "Bearer").body("requestId", notNullValue());
        given().header("Authorization", "Bearer garbage").get("/api/v1/me").then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/me").then().statusCode(401);
        String expired = Jwt.issuer("https://teken.local").subject(NIP).groups("ASN")
                .issuedAt(java.time.Instant.now().minusSeconds(7200)).expiresAt(java.time.Instant.now().minusSeconds(3600)).sign();
        given().auth().oauth2(expired).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(token("SYSTEM")).get("/api/v1/me").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertThat(upstream().getAllServeEvents()).isEmpty();
        given().auth().oauth2(token("ASN")).get("/api/v1/me").then().statusCode(200).body("nip", equalTo("x"));
    }

    @Test
    void unknownRoutes_andTraversal_are404Problems() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().get("/not-an-api").then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/api/v1/auth/%2e%2e/me").then().statusCode(404);
        assertThat(upstream().getAllServeEvents()).isEmpty();
    }

    @Test
    void oversizedBodies_are413_declaredOrStreamed() {
        upstream().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        byte[] big = "x".repeat(70_000).getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).body(big).post("/api/v1/auth/login")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
        given().contentType(ContentType.JSON).body(new ByteArrayInputStream(big)).post("/api/v1/auth/password-reset")
                .then().statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        // The CSC API's routes answer the gateway's refusals in CSC's shape.
        given().contentType(ContentType.JSON).body(big).post("/csc/v2/credentials/authorize")
                .then().statusCode(413).contentType("application/json").body("error", equalTo("invalid_request"))
                .body("error_description", notNullValue());
        given().contentType(ContentType.JSON).body(new ByteArrayInputStream(big)).post("/csc/v2/auth/login")
                .then().statusCode(413).body("error", equalTo("invalid_request"));
    }

    @Test
    void malformedContentLength_isA400() throws Exception {
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: abc\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
        assertThat(upstream().getAllServeEvents()).isEmpty();
    }

    @Test
    void expect100Continue_isAnsweredAtOnceWhenTheRequestIsWelcome_andNotWhenItIsRefused() throws Exception {
        upstream().stubFor(post(urlEqualTo("/api/v1/auth/login")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
        int port = io.restassured.RestAssured.port;
        String body = "{\"nip\":\"198503152010011001\",\"password\":\"x\"}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long asked = System.nanoTime();
            byte[] interim = new byte[25];
            int read = socket.getInputStream().readNBytes(interim, 0, 25);
            long waited = (System.nanoTime() - asked) / 1_000_000;
            assertThat(new String(interim, 0, read, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 100 Continue");
            // curl gives up waiting after 1 s and sends anyway; the gateway must not be the reason it waits.
            assertThat(waited).as("ms until 100 Continue").isLessThan(1000);
            socket.getOutputStream().write(body.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).contains("HTTP/1.1 200").contains("{\"ok\":true}");
        }
        assertThat(upstream().getAllServeEvents()).hasSize(1);
        assertThat(upstream().getAllServeEvents().get(0).getRequest().containsHeader("Expect"))
                .as("the expectation ends at the gateway").isFalse();
        // Too large by its declared length: the final answer comes instead of 100 Continue, and no body is read.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 99999999\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            int read = socket.getInputStream().readNBytes(head, 0, 12);
            assertThat(new String(head, 0, read, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void upstreamSlow_is504_andUpstreamDown_is503() {
        upstream().stubFor(post(urlEqualTo("/api/v1/auth/login")).willReturn(aResponse().withStatus(200).withFixedDelay(6000)));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/login")
                .then().statusCode(504).body("code", equalTo("UPSTREAM_TIMEOUT"));
        int port = upstream().port();
        upstream().stop();
        try {
            given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/login")
                    .then().statusCode(503).contentType("application/problem+json").body("code", equalTo("SERVICE_UNAVAILABLE"))
                    .header("Retry-After", notNullValue());
        } finally {
            UpstreamStubResource.upstream = new WireMockServer(options().port(port));
            UpstreamStubResource.upstream.start();
        }
    }

    @Test
    void signingRoutes_mapSystemClientsBasicToAnInternalIdentity_butOnlyThere() throws Exception {
        upstream().stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        upstream().stubFor(post(urlEqualTo("/internal/v1/system-clients/authentication")).atPriority(5)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":401,\"code\":\"CLIENT_UNAUTHENTICATED\"}")));
        upstream().stubFor(post(urlEqualTo("/internal/v1/system-clients/authentication")).atPriority(1)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer test-internal-token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"username\":\"surat\",\"secret\":\"rahasia\",\"address\":\"${json-unit.any-string}\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"3f1c\",\"username\":\"surat\"}")));
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("surat:rahasia".getBytes());
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/v1/signatures").then().statusCode(200);
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/v1/signatures/batch").then().statusCode(200);
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/sign/pdf").then().statusCode(200);
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/v2/sign/pdf").then().statusCode(200);
        given().header("Authorization", basic).get("/api/user/status/3502011503850001").then().statusCode(200);
        // Upstream got who the client is, signed with the assertion key for exactly that request, and never the secret.
        var forwarded = upstream().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/api/.*")));
        assertThat(forwarded).hasSize(5);
        id.teken.kit.ClientAssertion.Verifier verifier = new id.teken.kit.ClientAssertion.Verifier();
        for (var request : forwarded) {
            assertThat(request.containsHeader("Authorization")).as(request.getUrl()).isFalse();
            String assertion = request.getHeader("X-Teken-Client");
            String path = java.net.URI.create(request.getUrl()).getPath();
            assertThat(verifier.verify(assertion, request.getMethod().getName(), path, "test-internal-token", java.time.Instant.now()))
                    .as("not with the internal token").isEmpty();
            assertThat(verifier.verify(assertion, "DELETE", path, "test-client-assertion-key", java.time.Instant.now()))
                    .as("not for another method").isEmpty();
            assertThat(verifier.verify(assertion, request.getMethod().getName(), path, "test-client-assertion-key", java.time.Instant.now()))
                    .contains("surat");
            assertThat(verifier.verify(assertion, request.getMethod().getName(), path, "test-client-assertion-key", java.time.Instant.now()))
                    .as("once").isEmpty();
        }
        upstream().verify(5, postRequestedFor(urlEqualTo("/internal/v1/system-clients/authentication")));

        // Wrong secret, unreadable credentials: 401 from the gateway (problem+json, or BSrE's shape on the compatible
        // routes), and nothing reaches the signing routes.
        upstream().resetRequests();
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("surat:salah".getBytes());
        given().header("Authorization", wrong).contentType("application/json").body("{}").post("/api/v1/signatures").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("CLIENT_UNAUTHENTICATED"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Basic"));
        given().header("Authorization", wrong).contentType("application/json").body("{}").post("/api/sign/pdf").then().statusCode(401)
                .body("error", equalTo("Unauthorized")).body("status_code", equalTo(401))
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Basic"));
        given().header("Authorization", "Basic %%%").get("/api/user/status/3502011503850001").then().statusCode(401)
                .body("status_code", equalTo(401));
        given().header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("tanpa-titik-dua".getBytes()))
                .contentType("application/json").body("{}").post("/api/v2/sign/pdf").then().statusCode(401).body("status_code", equalTo(401));
        upstream().verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/api/.*")));
        upstream().verify(2, postRequestedFor(urlEqualTo("/internal/v1/system-clients/authentication")));

        // A caller cannot bring its own identity header: it is dropped.
        given().header("X-Teken-Client", "surat;9999999999;AAAA").get("/api/user/status/3502011503850001").then().statusCode(200);
        upstream().verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/api/user/status/3502011503850001"))
                .withoutHeader("X-Teken-Client"));

        // Without a credential the gateway says 401 on the ASN route; a wrong role 403.
        given().contentType("application/json").body("{}").post("/api/v1/signatures").then().statusCode(401);
        given().auth().oauth2(token("VERIFIKATOR")).contentType("application/json").body("{}").post("/api/v1/signatures")
                .then().statusCode(403);
        // Basic is no key to the admin routes (JWT with ADMIN only), nor to other protected routes.
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/v1/admin/clients").then().statusCode(401);
        given().auth().oauth2(token("ASN")).contentType("application/json").body("{}").post("/api/v1/admin/clients").then().statusCode(403);
        given().auth().oauth2(token("ADMIN")).contentType("application/json").body("{}").post("/api/v1/admin/clients").then().statusCode(200);
        // A batch may be larger than one document, up to the batch limit.
        given().header("Authorization", basic).contentType("application/octet-stream").body(new byte[22 * 1024 * 1024])
                .post("/api/v1/signatures/batch").then().statusCode(200);
        given().header("Authorization", basic).contentType("application/octet-stream").body(new byte[22 * 1024 * 1024])
                .post("/api/v1/signatures").then().statusCode(413);

        // The check cannot be made (signing-service fails): 503 with Retry-After, nothing forwarded.
        upstream().stubFor(post(urlEqualTo("/internal/v1/system-clients/authentication")).atPriority(0)
                .willReturn(aResponse().withStatus(500)));
        upstream().resetRequests();
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/v1/signatures").then().statusCode(503)
                .body("code", equalTo("SERVICE_UNAVAILABLE")).header("Retry-After", notNullValue());
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/sign/pdf").then().statusCode(503)
                .body("status_code", equalTo(503));
        upstream().verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/api/.*")));
    }

    @SuppressWarnings("unchecked")
    static boolean hasExample(Object node) {
        if (node instanceof java.util.Map<?, ?> map) {
            if (map.containsKey("example") || map.containsKey("examples") || map.containsKey("x-codeSamples")) {
                return true;
            }
            return map.values().stream().anyMatch(GatewayProxyTest::hasExample);
        }
        if (node instanceof java.util.List<?> list) {
            return list.stream().anyMatch(GatewayProxyTest::hasExample);
        }
        return false;
    }

    @Test
    void healthAndOpenApi_areServed() {
        given().get("/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Teken API"))
                .body("paths.'/api/v1/me/certificate/registration'.post.summary", notNullValue());
        // Every operation of the public API shows an example (a body, a parameter or, for binary answers, a command).
        java.util.Map<String, java.util.Map<String, Object>> paths = given().get("/openapi?format=json").jsonPath().getMap("paths");
        assertThat(paths).hasSizeGreaterThan(45);
        java.util.List<String> withoutExample = new java.util.ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method) && !hasExample(op)) {
                withoutExample.add(method.toUpperCase() + " " + path);
            }
        }));
        assertThat(withoutExample).isEmpty();
        // Every route family the gateway serves is documented.
        for (String prefix : new String[]{"/api/v1/auth", "/api/v1/me", "/api/v1/activations", "/api/v1/verifier", "/api/v1/passphrase-links",
                "/pki", "/api/v1/signatures", "/api/v1/admin/clients", "/api/sign", "/api/v2", "/api/user", "/api/v1/verifications", "/verify", "/api/verify", "/csc/v2/auth", "/csc/v2/credentials", "/csc/v2/signatures"}) {
            assertThat(paths.keySet()).as(prefix).anyMatch(p -> p.equals(prefix) || p.startsWith(prefix + "/"));
        }
    }
}
