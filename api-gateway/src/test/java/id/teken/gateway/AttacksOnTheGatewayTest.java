package id.teken.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What an outsider tries on the public port: forged tokens and wrong secrets that would empty someone else's rate budget,
 * bad tokens and over-long paths that used to get empty bodies, link tokens read off the metrics page, /q endpoints.
 */
@QuarkusTest
@TestProfile(AttacksOnTheGatewayTest.ThreePerClient.class)
@QuarkusTestResource(UpstreamStubResource.class)
class AttacksOnTheGatewayTest {

    /** Three requests per minute per client, plenty per address. */
    public static class ThreePerClient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("teken.gateway.rate-limit.per-ip", "10000", "teken.gateway.rate-limit.per-client", "3");
        }
    }

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    WireMockServer upstream() {
        return UpstreamStubResource.upstream;
    }

    static String forged(String subject) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return Jwt.issuer("https://teken.local").subject(subject).groups(Set.of("ASN")).expiresIn(300).jws().sign(g.generateKeyPair().getPrivate());
    }

    @Test
    void forgedTokensWithSomeonesSubject_areRefused_withoutSpendingTheirBudget() throws Exception {
        upstream().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        String victim = "198503152010011001";
        String fake = forged(victim);
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(fake).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHENTICATED")).header("WWW-Authenticate", notNullValue());
        }
        String real = Jwt.issuer("https://teken.local").subject(victim).groups(Set.of("ASN")).expiresIn(300).sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(real).get("/api/v1/me").then().statusCode(200);
        }
        given().auth().oauth2(real).get("/api/v1/me").then().statusCode(429);
    }

    @Test
    void aClientsUsernameWithAWrongSecret_isRefused_withoutSpendingTheClientsBudget() {
        upstream().stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        upstream().stubFor(post(urlEqualTo("/internal/v1/system-clients/authentication")).atPriority(5)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":401,\"code\":\"CLIENT_UNAUTHENTICATED\"}")));
        upstream().stubFor(post(urlEqualTo("/internal/v1/system-clients/authentication")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.secret", equalToValue("rahasia")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"3f1c\",\"username\":\"desa\"}")));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("desa:salah".getBytes());
        for (int i = 0; i < 10; i++) {
            given().header("Authorization", wrong).get("/api/user/status/3502011503850001").then().statusCode(401);
        }
        String right = "Basic " + Base64.getEncoder().encodeToString("desa:rahasia".getBytes());
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", right).get("/api/user/status/3502011503850001").then().statusCode(200);
        }
        given().header("Authorization", right).get("/api/user/status/3502011503850001").then().statusCode(429);
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalToValue(String v) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(v);
    }

    @Test
    void badTokens_andOverlongPaths_getProblemJson_neverAnEmptyBody() {
        for (String path : new String[]{"/api/v1/me", "/api/v1/me/certificate", "/api/v1/verifier/activations",
                "/api/v1/verifier/certificates", "/api/v1/admin/clients", "/api/v1/signatures"}) {
            given().header("Authorization", "Bearer not.a.token").get(path).then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"))
                    .header("WWW-Authenticate", "Bearer");
        }
        given().get("/api/v1/auth/" + "a".repeat(6000)).then().statusCode(414).contentType("application/problem+json")
                .body("code", equalTo("URI_TOO_LONG"));
        given().get("/tidak-ada").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theMetricsLabelRoutes_neverRawPaths_andNothingOfQIsOnThePublicPort() throws Exception {
        upstream().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        String token = "Q".repeat(43);
        // (certificate- and activation-service are not stubbed here: those answers are 503, labelled all the same)
        given().get("/api/v1/passphrase-links/" + token).then();
        given().get("/api/v1/activations/" + token).then();
        given().contentType("application/json").body("{}").post("/api/v1/auth/password-reset/" + token).then().statusCode(200);
        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(scraped).contains("http_server_requests_seconds").contains("/api/v1/passphrase-links/*")
                .contains("/api/v1/auth/*").doesNotContain(token);
        given().get(ready).then().statusCode(200);
        for (String q : new String[]{"/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui", "/q/dev-ui", "/q/info"}) {
            given().get(q).then().statusCode(404).contentType("application/problem+json");
        }
        given().get("/openapi").then().statusCode(200);
        given().get("/docs/").then().statusCode(200);
    }
}
