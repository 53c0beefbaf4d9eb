package id.teken.registration.adapter.in.rest;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.TopicReader;
import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topics;
import id.teken.events.registration.RegistrationSubmitted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class MeResourceTest {

    static final String BUDI = "198503152010011001";
    static final String SITI = "199007222015032002";
    static final String DEWI = "199511052022022001";
    static final String JOKO = "199206102019031006";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    static String token(String nip, String... groups) {
        return Jwt.issuer("https://teken.local").subject(nip).upn(nip).groups(Set.of(groups)).expiresIn(300).sign();
    }

    static RequestSpecification as(String nip) {
        return given().auth().oauth2(token(nip, "ASN")).contentType(ContentType.JSON);
    }

    static Map<String, String> registration(String nik, String emailDinas) {
        return Map.of("nik", nik, "emailSiasn", "pribadi@example.com", "emailDinas", emailDinas);
    }

    @Test
    void withoutAValidToken_everyRouteIs401_andAWrongRoleIs403() throws Exception {
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("not.a.jwt").get("/api/v1/me/certificate").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        String forged = Jwt.issuer("https://teken.local").subject(BUDI).groups("ASN").sign(otherKey.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
        String expired = Jwt.issuer("https://teken.local").subject(BUDI).groups("ASN")
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800)).sign();
        given().auth().oauth2(expired).get("/api/v1/me").then().statusCode(401);
        String wrongIssuer = Jwt.issuer("https://evil.example").subject(BUDI).groups("ASN").expiresIn(300).sign();
        given().auth().oauth2(wrongIssuer).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(token(BUDI, "SYSTEM")).contentType(ContentType.JSON)
                .body(registration("3502011503850001", "budi@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON).body(Map.of("nik", "3502011503850001"))
                .post("/api/v1/me/certificate/nik-verification").then().statusCode(401);
    }

    @Test
    void profile_comesFromTheDirectory() {
        as(SITI).get("/api/v1/me").then().statusCode(200).body("nip", equalTo(SITI)).body("nama", equalTo("Siti Rahayu"))
                .body("statusKepegawaian", equalTo("PNS")).body("instansi", equalTo("Pemerintah Kabupaten Ponorogo"))
                .body("provinsi", equalTo("Jawa Timur"));
        as("199912312020121001").get("/api/v1/me").then().statusCode(404).body("code", equalTo("EMPLOYEE_NOT_FOUND"));
    }

    @Test
    void nikVerification_checksStructureRegistryAndOwnership() {
        as(DEWI).body(Map.of("nik", "3502154511950003")).post("/api/v1/me/certificate/nik-verification")
                .then().statusCode(200).body("valid", equalTo(true)).body("nama", equalTo("Dewi Lestari"))
                .body("nik", equalTo("350215********03"));
        as(DEWI).body(Map.of("nik", "3502011503850001")).post("/api/v1/me/certificate/nik-verification")
                .then().statusCode(422).body("code", equalTo("NIK_NOT_VERIFIED"));
        // Someone else's NIK and a NIK not in the registry: one answer (no civil-registry oracle).
        String other = as(DEWI).body(Map.of("nik", "3502011503850001")).post("/api/v1/me/certificate/nik-verification").then()
                .extract().path("detail");
        as(DEWI).body(Map.of("nik", "3502154511950099")).post("/api/v1/me/certificate/nik-verification")
                .then().statusCode(422).body("code", equalTo("NIK_NOT_VERIFIED")).body("detail", equalTo(other));
        as(DEWI).body(Map.of("nik", "3502153511950003")).post("/api/v1/me/certificate/nik-verification")
                .then().statusCode(400).body("code", equalTo("NIK_INVALID")).body("detail", containsString("Tanggal lahir"));
        as(DEWI).body(Map.of()).post("/api/v1/me/certificate/nik-verification")
                .then().statusCode(400).body("code", equalTo("NIK_INVALID")).body("detail", containsString("wajib"));
        as(DEWI).post("/api/v1/me/certificate/nik-verification").then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        as(DEWI).body("{nik:").post("/api/v1/me/certificate/nik-verification").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        as(DEWI).body("{\"nik\":\"" + "3".repeat(70_000) + "\"}").post("/api/v1/me/certificate/nik-verification")
                .then().statusCode(413);
    }

    @Test
    void registration_becomesNew_andItsEventReachesKafka_once() {
        as(BUDI).get("/api/v1/me/certificate").then().statusCode(200).body("status", equalTo("NOT_REGISTERED"))
                .body("registrationId", nullValue());

        String id = as(BUDI).body(registration("3502011503850001", "Budi.Santoso@Ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration")
                .then().statusCode(201).body("status", equalTo("NEW")).body("emailDinas", equalTo("Budi.Santoso@ponorogo.go.id"))
                .extract().jsonPath().getString("registrationId");

        as(BUDI).get("/api/v1/me/certificate").then().statusCode(200).body("status", equalTo("NEW"))
                .body("registrationId", equalTo(id)).body("keterangan", containsString("aktivasi"));

        List<ConsumerRecord<String, String>> records = TopicReader.await(kafka, Topics.REGISTRATION_SUBMITTED.name(),
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        EventEnvelope<RegistrationSubmitted> event = EventCodec.fromJson(Topics.REGISTRATION_SUBMITTED, records.get(0).value());
        assertThat(event.aggregateId()).isEqualTo(id);
        assertThat(event.correlationId()).isNotBlank();
        assertThat(event.payload().nip()).isEqualTo(BUDI);
        assertThat(event.payload().emailDinas()).isEqualTo("Budi.Santoso@ponorogo.go.id");
        assertThat(event.payload().statusKepegawaian()).isEqualTo("PNS");
        assertThat(records.get(0).value()).doesNotContainIgnoringCase("password").doesNotContain("token");

        as(BUDI).body(registration("3502011503850001", "budi@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(409).body("code", equalTo("ALREADY_REGISTERED"));
        assertThat(outboxRows(BUDI)).isEqualTo(1);

        // Someone else cannot take the same Email Dinas.
        as(DEWI).body(registration("3502154511950003", "BUDI.SANTOSO@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(409).body("code", equalTo("EMAIL_DINAS_IN_USE"));
        as(DEWI).get("/api/v1/me/certificate").then().body("status", equalTo("NOT_REGISTERED"));
    }

    @Test
    void concurrentRegistrations_yieldExactlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> as(SITI).body(registration("3502106207900002", "siti@ponorogo.go.id"))
                    .post("/api/v1/me/certificate/registration").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(outboxRows(SITI)).isEqualTo(1);
    }

    @Test
    void registrationRules_eachBadInputHasItsCode_andNothingIsStored() {
        String andi = "199304182023031007";
        as(andi).body(registration("3502071804930007", "andi@diskominfo.ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(422).body("code", equalTo("EMAIL_DINAS_DOMAIN"));
        as(andi).body(registration("3502071804930007", "andi@ponorogo.go.id.evil.com"))
                .post("/api/v1/me/certificate/registration").then().statusCode(422).body("code", equalTo("EMAIL_DINAS_DOMAIN"));
        as(andi).body(registration("3502071804930007", "andi@gmail.com"))
                .post("/api/v1/me/certificate/registration").then().statusCode(422).body("code", equalTo("EMAIL_DINAS_DOMAIN"));
        as(andi).body(registration("3502071804930007", "andi@ponorogo.go.id@x"))
                .post("/api/v1/me/certificate/registration").then().statusCode(400).body("code", equalTo("EMAIL_DINAS_INVALID"));
        as(andi).body(Map.of("nik", "3502071804930007", "emailSiasn", "bukan-email", "emailDinas", "andi@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(400).body("code", equalTo("EMAIL_SIASN_INVALID"));
        as(andi).body(Map.of("nik", "3502071804930007", "emailDinas", "andi@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(400).body("code", equalTo("EMAIL_SIASN_INVALID"));
        as(andi).body(registration("350207180493000", "andi@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(400).body("code", equalTo("NIK_INVALID"));
        as(andi).body(registration("3502011503850001", "andi@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(422).body("code", equalTo("NIK_NOT_VERIFIED"));
        // (Joko is contract staff: a verifier may have enrolled him in ContractStaffTest; his own registration adds nothing.)
        long jokoEvents = outboxRows(JOKO);
        as(JOKO).body(registration("3502071006920006", "joko@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(403).body("code", equalTo("NOT_ELIGIBLE"));
        as(andi).post("/api/v1/me/certificate/registration").then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        as(andi).body("{\"nik\": 3502071804930007,").post("/api/v1/me/certificate/registration").then().statusCode(400);
        as(andi).body("{\"nik\":\"" + "x".repeat(70_000) + "\"}").post("/api/v1/me/certificate/registration").then().statusCode(413);
        as(andi).get("/api/v1/me/certificate").then().body("status", equalTo("NOT_REGISTERED"));
        assertThat(outboxRows(andi)).isZero();
        assertThat(outboxRows(JOKO)).isEqualTo(jokoEvents);

        // PPPK is eligible.
        as(andi).body(registration("3502071804930007", "andi@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(201).body("status", equalTo("NEW"));
    }

    private long outboxRows(String nip) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM teken_outbox WHERE body LIKE ?1").setParameter(1, "%\"nip\":\"" + nip + "\"%")
                .getSingleResult()).longValue());
    }
}
