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
    void signingRoutes_letSystemClientsBasicThrough_butOnlyThere() {
        upstream().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("surat:rahasia".getBytes());
        // Basic passes to signing-service, which checks the system client; without any credential the gateway says 401.
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/v1/signatures").then().statusCode(200);
        given().contentType("application/json").body("{}").post("/api/v1/signatures").then().statusCode(401);
        given().auth().oauth2(token("VERIFIKATOR")).contentType("application/json").body("{}").post("/api/v1/signatures")
                .then().statusCode(403);
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/v1/signatures/batch").then().statusCode(200);
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/sign/pdf").then().statusCode(200);
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/v2/sign/pdf").then().statusCode(200);
        given().header("Authorization", basic).get("/api/user/status/3502011503850001").then().statusCode(200);
        upstream().verify(4, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/api/.*"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(basic)));
        // Basic is no key to the admin routes (JWT with ADMIN only), nor to other protected routes.
        given().header("Authorization", basic).contentType("application/json").body("{}").post("/api/v1/admin/clients").then().statusCode(401);
        given().auth().oauth2(token("ASN")).contentType("application/json").body("{}").post("/api/v1/admin/clients").then().statusCode(403);
        given().auth().oauth2(token("ADMIN")).contentType("application/json").body("{}").post("/api/v1/admin/clients").then().statusCode(200);
        // A batch may be larger than one document, up to the batch limit.
        given().header("Authorization", basic).contentType("application/octet-stream").body(new byte[22 * 1024 * 1024])
                .post("/api/v1/signatures/batch").then().statusCode(200);
        given().header("Authorization", basic).contentType("application/octet-stream").body(new byte[22 * 1024 * 1024])
                .post("/api/v1/signatures").then().statusCode(413);
    }

    @Test
    void healthAndOpenApi_areServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Teken API"))
                .body("paths.'/api/v1/me/certificate/registration'.post.summary", notNullValue());
    }
}
