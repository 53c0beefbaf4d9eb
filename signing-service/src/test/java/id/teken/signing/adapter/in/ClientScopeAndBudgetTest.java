package id.teken.signing.adapter.in;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.TopicReader;
import id.teken.events.Topics;
import id.teken.signing.CertificateServiceStandIn;
import id.teken.signing.Pdfs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.teken.signing.adapter.in.SigningFlowTest.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A system client signs only for the signers an ADMIN put in its scope, spends a failure budget (throttled, then turned
 * off and announced), names its channel to certificate-service (so its wrong passphrases lock only its own use), and
 * every ADMIN change to it is audited. The budget is small here (3 per hour, 6 per day) so that it can be spent.
 */
@QuarkusTest
@TestProfile(ClientScopeAndBudgetTest.SmallBudget.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
@QuarkusTestResource(CertificateServiceStandIn.class)
class ClientScopeAndBudgetTest {

    static final String ADMIN = "198802292012052004";

    /** Budget small enough to spend in a test. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("teken.signing.client-failures.throttle-per-hour", "3", "teken.signing.client-failures.disable-per-day", "6");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    static Map<String, String> client(Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(Map.of("username", "klien-" + UUID.randomUUID().toString().substring(0, 8),
                "allowedIps", List.of("127.0.0.1")));
        body.putAll(settings);
        var r = as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(body).post("/api/v1/admin/clients");
        r.then().statusCode(201);
        return Map.of("id", r.path("id"), "username", r.path("username"), "secret", r.path("secret"));
    }

    static RequestSpecification basic(Map<String, String> c) {
        return given().auth().preemptive().basic(c.get("username"), c.get("secret"));
    }

    static RequestSpecification signV1(Map<String, String> c, String nik, String passphrase) {
        return basic(c).multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", nik)
                .multiPart("passphrase", passphrase);
    }

    @Test
    void aNewClient_signsForNobody_untilTheAdminGivesItAScope() {
        Map<String, String> c = client(Map.of());
        signV1(c, CertificateServiceStandIn.SIGNER_NIK, CertificateServiceStandIn.PASSPHRASE).post("/api/sign/pdf").then()
                .statusCode(403).body("status_code", equalTo(403));
        basic(c).multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", CertificateServiceStandIn.SIGNER_NIK)
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("CLIENT_SCOPE"));
        // The refusal came before any passphrase check: certificate-service was never asked.
        assertThat(CertificateServiceStandIn.CHANNELS).doesNotContain("client:" + c.get("username"));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON)
                .body(Map.of("scope", Map.of("signers", List.of(CertificateServiceStandIn.SIGNER)))).patch("/api/v1/admin/clients/" + c.get("id"))
                .then().statusCode(200).body("scope.signers[0]", equalTo(CertificateServiceStandIn.SIGNER));
        signV1(c, CertificateServiceStandIn.SIGNER_NIK, CertificateServiceStandIn.PASSPHRASE).post("/api/sign/pdf").then().statusCode(200);
        assertThat(CertificateServiceStandIn.CHANNELS).contains("client:" + c.get("username"));
        signV1(c, CertificateServiceStandIn.SECOND_NIK, CertificateServiceStandIn.PASSPHRASE).post("/api/sign/pdf").then().statusCode(403);
        // Bad scopes are refused.
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("scope", Map.of("signers", List.of("123"))))
                .patch("/api/v1/admin/clients/" + c.get("id")).then().statusCode(400).body("code", equalTo("CLIENT_INVALID"));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("qrOrigins", List.of("ftp://x")))
                .patch("/api/v1/admin/clients/" + c.get("id")).then().statusCode(400).body("code", equalTo("CLIENT_INVALID"));
    }

    @Test
    void aClientScopedToAUnit_signsForThatUnitOnly() {
        Map<String, String> c = client(Map.of("scope", Map.of("units", List.of(CertificateServiceStandIn.SIGNER_UNIT.toUpperCase()))));
        signV1(c, CertificateServiceStandIn.SIGNER_NIK, CertificateServiceStandIn.PASSPHRASE).post("/api/sign/pdf").then().statusCode(200);
        signV1(c, CertificateServiceStandIn.SECOND_NIK, CertificateServiceStandIn.PASSPHRASE).post("/api/sign/pdf").then().statusCode(403);
    }

    @Test
    void anEmailThatNamesTwoPeople_isRefused_notGuessed() {
        Map<String, String> c = client(Map.of("scope", Map.of("allSigners", true)));
        basic(c).contentType(ContentType.JSON).body(Map.of("email", CertificateServiceStandIn.AMBIGUOUS_EMAIL, "passphrase",
                        CertificateServiceStandIn.PASSPHRASE, "file", List.of(Base64.getEncoder().encodeToString(Pdfs.letter(1)))))
                .post("/api/v2/sign/pdf").then().statusCode(409).body("status_code", equalTo(409));
    }

    @Test
    void wrongPassphrasesThroughAClient_throttleIt_andItsDailyBudgetTurnsItOff() {
        Map<String, String> c = client(Map.of("scope", Map.of("allSigners", true)));
        for (int i = 0; i < 3; i++) {
            signV1(c, CertificateServiceStandIn.SIGNER_NIK, "Tebak#Salah" + i).post("/api/sign/pdf").then().statusCode(400)
                    .body("status_code", equalTo(2031));
        }
        signV1(c, CertificateServiceStandIn.SIGNER_NIK, CertificateServiceStandIn.PASSPHRASE).post("/api/sign/pdf").then()
                .statusCode(429).header("Retry-After", notNullValue());
        // A second client is not affected by the first one's failures.
        Map<String, String> other = client(Map.of("scope", Map.of("allSigners", true)));
        signV1(other, CertificateServiceStandIn.SIGNER_NIK, CertificateServiceStandIn.PASSPHRASE).post("/api/sign/pdf").then().statusCode(200);

        // Failures earlier today (older than the hour) count toward the daily budget: the sixth turns the client off.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE client_failure SET at = now() - interval '2 hours' WHERE client_username = ?1")
                    .setParameter(1, other.get("username")).executeUpdate();
            for (int i = 0; i < 5; i++) {
                em.createNativeQuery("INSERT INTO client_failure (client_username, at, code) VALUES (?1, now() - interval '3 hours', 'PASSPHRASE_WRONG')")
                        .setParameter(1, other.get("username")).executeUpdate();
            }
        });
        signV1(other, CertificateServiceStandIn.SIGNER_NIK, "Tebak#Salah9").post("/api/sign/pdf").then().statusCode(400);
        signV1(other, CertificateServiceStandIn.SIGNER_NIK, CertificateServiceStandIn.PASSPHRASE).post("/api/sign/pdf").then()
                .statusCode(401);
        as(ADMIN, "ASN", "ADMIN").get("/api/v1/admin/clients").then().statusCode(200)
                .body("find { it.username == '" + other.get("username") + "' }.enabled", equalTo(false))
                .body("find { it.username == '" + other.get("username") + "' }.disabledReason", org.hamcrest.Matchers.containsString("budget"));
        assertThat(TopicReader.await(kafka, Topics.SYSTEM_CLIENT_DISABLED.name(), r -> r.value().contains(other.get("username")), 1,
                Duration.ofSeconds(30))).hasSize(1);
        as(ADMIN, "ASN", "ADMIN").get("/api/v1/admin/clients/audit").then().statusCode(200)
                .body("find { it.clientUsername == '" + other.get("username") + "' && it.action == 'AUTO_DISABLE' }.actorNip", equalTo("system"))
                .body("find { it.clientUsername == '" + other.get("username") + "' && it.action == 'CREATE' }.actorNip", equalTo(ADMIN));
        // Turning it on again is an audited ADMIN change.
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("enabled", true)).patch("/api/v1/admin/clients/" + other.get("id"))
                .then().statusCode(200).body("enabled", equalTo(true));
        as(ADMIN, "ASN", "ADMIN").get("/api/v1/admin/clients/audit?limit=5").then().statusCode(200)
                .body("[0].action", equalTo("UPDATE")).body("[0].detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret")));
        as("198503152010011001", "ASN").get("/api/v1/admin/clients/audit").then().statusCode(403);
    }

    @Test
    void aSignedInAsn_asksCertificateServiceOnTheirOwnChannel() {
        CertificateServiceStandIn.CHANNELS.clear();
        as(CertificateServiceStandIn.SIGNER).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200);
        assertThat(CertificateServiceStandIn.CHANNELS).containsExactly("web:" + CertificateServiceStandIn.SIGNER);
    }
}
