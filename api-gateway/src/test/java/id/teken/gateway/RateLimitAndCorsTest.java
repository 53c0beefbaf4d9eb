package id.teken.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Rate limits per caller address and per client (429 + Retry-After), and CORS for the configured front-end origin. */
@QuarkusTest
@TestProfile(RateLimitAndCorsTest.SmallLimits.class)
@QuarkusTestResource(UpstreamStubResource.class)
class RateLimitAndCorsTest {

    /** Five requests per minute per address, three per client. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("teken.gateway.rate-limit.per-ip", "8", "teken.gateway.rate-limit.per-client", "3");
        }
    }

    WireMockServer upstream() {
        return UpstreamStubResource.upstream;
    }

    @Test
    void aClientOverItsLimit_gets429WithRetryAfter_whileTheAddressStillHasRoom() {
        upstream().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        String token = Jwt.issuer("https://teken.local").subject("198503152010011001").groups(Set.of("ASN")).expiresIn(300).sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        }
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_REQUESTS")).header("Retry-After", notNullValue());
        // Another client from the same address still passes, until the address's own limit (8) is used up.
        String other = Jwt.issuer("https://teken.local").subject("199007222015032002").groups(Set.of("ASN")).expiresIn(300).sign();
        given().auth().oauth2(other).get("/api/v1/me").then().statusCode(200);
        int status = 200;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = given().get("/pki/ca").then().extract().statusCode();
        }
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(429);
    }

    @Test
    void cors_allowsTheConfiguredOrigin_only() {
        given().header("Origin", "https://app.ponorogo.go.id").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type").options("/api/v1/auth/login")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://app.ponorogo.go.id")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        given().header("Origin", "https://jahat.example").header("Access-Control-Request-Method", "POST").options("/api/v1/auth/login")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
