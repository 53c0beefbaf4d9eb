package id.teken.registration.adapter.in.rest;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.TopicReader;
import id.teken.events.EventCodec;
import id.teken.events.Topics;
import id.teken.events.registration.AccessTokenRevoked;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Keluar (POST /api/v1/auth/logout) and the CSC API's auth/revoke: the token is refused from then on (here at once, the
 * other services through teken.registration.access-token-revoked.v1), recorded and announced once even when revoked in
 * parallel; other tokens of the same person keep working; nobody revokes someone else's token.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class TokenRevocationTest {

    static final String SITI = "199007222015032002";
    static final String BUDI = "198503152010011001";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    static String jti(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"jti\":\"([^\"]+)\".*", "$1");
    }

    long rows(String jti) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM revoked_access_token WHERE token_id = ?1").setParameter(1, jti).getSingleResult()).longValue());
    }

    @Test
    void logout_revokesThatToken_onlyOnce_evenInParallel_andOtherTokensKeepWorking() throws Exception {
        String token = MeResourceTest.token(SITI, "ASN");
        String other = MeResourceTest.token(SITI, "ASN");
        assertThat(jti(token)).isNotBlank().isNotEqualTo(jti(other));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> answers;
        try {
            answers = pool.invokeAll(Collections.nCopies(5, (Callable<Integer>) () -> given().auth().oauth2(token)
                    .post("/api/v1/auth/logout").statusCode()));
        } finally {
            pool.shutdown();
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        assertThat(codes).contains(204).allMatch(c -> c == 204 || c == 401);

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("TOKEN_REVOKED"));
        given().auth().oauth2(token).post("/api/v1/auth/logout").then().statusCode(401);
        given().auth().oauth2(other).get("/api/v1/me").then().statusCode(200);
        assertThat(rows(jti(token))).isEqualTo(1);

        List<ConsumerRecord<String, String>> records = TopicReader.await(kafka, Topics.ACCESS_TOKEN_REVOKED.name(),
                r -> jti(token).equals(r.key()), 1, Duration.ofSeconds(30));
        AccessTokenRevoked event = EventCodec.fromJson(Topics.ACCESS_TOKEN_REVOKED, records.get(0).value()).payload();
        assertThat(event.nip()).isEqualTo(SITI);
        assertThat(event.expiresAt()).isAfter(event.revokedAt());
        assertThat(records.get(0).value()).doesNotContain(token.split("\\.")[2]);
        Thread.sleep(1500);
        assertThat(TopicReader.await(kafka, Topics.ACCESS_TOKEN_REVOKED.name(), r -> jti(token).equals(r.key()), 1,
                Duration.ofSeconds(5))).as("announced once").hasSize(1);
    }

    @Test
    void logout_withoutAValidToken_is401() {
        given().post("/api/v1/auth/logout").then().statusCode(401).contentType("application/problem+json");
        String forged = MeResourceTest.token(SITI, "ASN");
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).post("/api/v1/auth/logout").then().statusCode(401);
    }

    @Test
    void cscRevoke_revokesTheNamedTokenOfTheCaller_orTheBearer_andRefusesEverythingElse() {
        String bearer = MeResourceTest.token(BUDI, "ASN");
        String second = MeResourceTest.token(BUDI, "ASN");
        String someoneElses = MeResourceTest.token(SITI, "ASN");

        given().contentType(ContentType.JSON).body("{}").post("/csc/v2/auth/revoke").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
        String forged = bearer.substring(0, bearer.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).contentType(ContentType.JSON).body("{}").post("/csc/v2/auth/revoke").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
        Object[][] bad = {
                {Map.of("token", someoneElses), "not the caller's"},
                {Map.of("token", "bukan.token.jwt"), "not a valid"},
                {Map.of("token", "x".repeat(9000)), "token"},
                {Map.of("token_type_hint", "refresh_token"), "refresh"},
        };
        for (Object[] b : bad) {
            given().auth().oauth2(bearer).contentType(ContentType.JSON).body(b[0]).post("/csc/v2/auth/revoke").then().statusCode(400)
                    .body("error", equalTo("invalid_request"));
        }
        given().auth().oauth2(bearer).contentType(ContentType.JSON).body("{\"token\":").post("/csc/v2/auth/revoke").then()
                .statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().oauth2(someoneElses).get("/api/v1/me").then().statusCode(200);

        given().auth().oauth2(bearer).contentType(ContentType.JSON).body(Map.of("token", second, "token_type_hint", "access_token"))
                .post("/csc/v2/auth/revoke").then().statusCode(204);
        given().auth().oauth2(second).get("/api/v1/me").then().statusCode(401).body("code", equalTo("TOKEN_REVOKED"));
        given().auth().oauth2(bearer).get("/api/v1/me").then().statusCode(200);

        given().auth().oauth2(bearer).post("/csc/v2/auth/revoke").then().statusCode(204);
        given().auth().oauth2(bearer).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(bearer).contentType(ContentType.JSON).body("{}").post("/csc/v2/auth/revoke").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
    }
}
