package id.teken.registration.adapter.in;

import id.teken.devstack.ConsumerProgress;
import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.TopicWriter;
import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import id.teken.events.activation.ActivationExpired;
import id.teken.events.activation.ActivationRejected;
import id.teken.events.activation.ActivationReviewRequested;
import id.teken.events.certificate.CertificateIssued;
import id.teken.events.certificate.CertificateRevoked;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The dashboard status follows activation events from Kafka, once each, ignoring stale ones. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class ActivationProgressTest {

    static final String AGUS = "197812012005041003";
    static final String RINA = "198802292012052004";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** The consumer group the service's event consumer uses (its application name). */
    @ConfigProperty(name = "quarkus.application.name")
    String group;

    static RequestSpecification as(String nip) {
        return given().auth().oauth2(Jwt.issuer("https://teken.local").subject(nip).groups(Set.of("ASN")).expiresIn(300).sign())
                .contentType(ContentType.JSON);
    }

    String register(String nip, String nik, String emailDinas) {
        return as(nip).body(Map.of("nik", nik, "emailSiasn", "x@example.com", "emailDinas", emailDinas))
                .post("/api/v1/me/certificate/registration").then().statusCode(201).extract().jsonPath().getString("registrationId");
    }

    <P> EventEnvelope<P> publish(Topic<P> topic, String key, P payload) {
        EventEnvelope<P> envelope = EventEnvelope.of(topic, key, "test", payload);
        TopicWriter.send(kafka, topic.name(), key, EventCodec.toJson(envelope));
        return envelope;
    }

    <P> org.apache.kafka.clients.producer.RecordMetadata republish(Topic<P> topic, EventEnvelope<P> envelope) {
        return TopicWriter.send(kafka, topic.name(), envelope.aggregateId(), EventCodec.toJson(envelope));
    }

    <P> org.apache.kafka.clients.producer.RecordMetadata send(Topic<P> topic, String key, P payload) {
        return TopicWriter.send(kafka, topic.name(), key, EventCodec.toJson(EventEnvelope.of(topic, key, "test", payload)));
    }

    String status(String nip) {
        return as(nip).get("/api/v1/me/certificate").then().statusCode(200).extract().jsonPath().getString("status");
    }

    void awaitStatus(String nip, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!expected.equals(status(nip)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(status(nip)).isEqualTo(expected);
    }

    @Test
    void reviewThenApproval_leadsToNoCertificate_andDuplicatesChangeNothing() throws Exception {
        String id = register(AGUS, "3502030112780004", "agus@ponorogo.go.id");
        publish(Topics.ACTIVATION_REVIEW_REQUESTED, id, new ActivationReviewRequested("a-1", id, AGUS,
                List.of("FACE_REVIEW_REQUIRED"), Instant.now()));
        awaitStatus(AGUS, "WAITING_FOR_VERIFICATION");
        EventEnvelope<ActivationCompleted> completed = publish(Topics.ACTIVATION_COMPLETED, id, new ActivationCompleted("a-1", id,
                AGUS, "3502030112780004", "Agus Prasetyo", "agus@ponorogo.go.id", "+6281234567890", "ASN_POLRI",
                "Pemerintah Kabupaten Ponorogo", "Dinas", "Sandiman", "Jawa Timur", "KP-2026-01", "PPSE-2026-01",
                Instant.now(), "199007222015032002", Instant.now(), null));
        awaitStatus(AGUS, "NO_CERTIFICATE");

        // A stale event about another registration id, and the same completed event again: nothing moves.
        java.util.List<org.apache.kafka.clients.producer.RecordMetadata> ignored = java.util.List.of(
                send(Topics.ACTIVATION_EXPIRED, UUID.randomUUID().toString(), new ActivationExpired("old", UUID.randomUUID().toString(),
                        AGUS, Instant.now())),
                republish(Topics.ACTIVATION_COMPLETED, completed),
                send(Topics.ACTIVATION_REJECTED, id, new ActivationRejected("a-1", id, AGUS, "late", "v", Instant.now())));
        // Barrier, not a pause: the service has handled all three before we look.
        ConsumerProgress.awaitHandled(kafka, group, ignored, Duration.ofSeconds(30));
        assertThat(status(AGUS)).isEqualTo("NO_CERTIFICATE");

        // The certificate is issued: ISSUE with serial and validity.
        Instant from = Instant.parse("2026-11-21T00:00:00Z");
        Instant to = Instant.parse("2028-11-20T00:00:00Z");
        publish(Topics.CERTIFICATE_ISSUED, AGUS, new CertificateIssued("c-1", id, AGUS, "AA01", "CN=Agus", "pem", from, to, null));
        awaitStatus(AGUS, "ISSUE");
        as(AGUS).get("/api/v1/me/certificate").then().body("serialNumber", equalTo("AA01"))
                .body("validFrom", equalTo("2026-11-21T00:00:00Z")).body("validTo", equalTo("2028-11-20T00:00:00Z"));
        // A reset: the old one superseded (no change), the new one issued.
        publish(Topics.CERTIFICATE_REVOKED, AGUS, new CertificateRevoked("c-1", AGUS, "AA01", "superseded", AGUS, Instant.now()));
        publish(Topics.CERTIFICATE_ISSUED, AGUS, new CertificateIssued("c-2", id, AGUS, "BB02", "CN=Agus", "pem", from, to, "AA01"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"BB02".equals(as(AGUS).get("/api/v1/me/certificate").jsonPath().getString("serialNumber")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        as(AGUS).get("/api/v1/me/certificate").then().body("status", equalTo("ISSUE")).body("serialNumber", equalTo("BB02"));
        // Suspended and reinstated by a verifier.
        publish(Topics.CERTIFICATE_SUSPENDED, AGUS, new id.teken.events.certificate.CertificateSuspended("c-2", AGUS, "BB02", "v", Instant.now()));
        awaitStatus(AGUS, "SUSPEND");
        publish(Topics.CERTIFICATE_REINSTATED, AGUS, new id.teken.events.certificate.CertificateReinstated("c-2", AGUS, "BB02", "v", Instant.now()));
        awaitStatus(AGUS, "ISSUE");
        // Renewal: RENEW until the new certificate is issued.
        publish(Topics.CERTIFICATE_RENEWAL_REQUESTED, AGUS, new id.teken.events.certificate.CertificateRenewalRequested("c-2", AGUS,
                "BB02", to, Instant.now()));
        awaitStatus(AGUS, "RENEW");
        publish(Topics.CERTIFICATE_ISSUED, AGUS, new CertificateIssued("c-3", id, AGUS, "CC03", "CN=Agus", "pem", from, to, "BB02"));
        awaitStatus(AGUS, "ISSUE");
        as(AGUS).get("/api/v1/me/certificate").then().body("serialNumber", equalTo("CC03"));
        publish(Topics.CERTIFICATE_REVOKED, AGUS, new CertificateRevoked("c-2", AGUS, "BB02", "superseded", AGUS, Instant.now()));
        // A revocation of the current certificate by a verifier: REVOKE.
        publish(Topics.CERTIFICATE_REVOKED, AGUS, new CertificateRevoked("c-3", AGUS, "CC03", "keyCompromise", "v", Instant.now()));
        awaitStatus(AGUS, "REVOKE");
    }

    @Test
    void rejection_returnsToNotRegistered_withTheReason_andAllowsANewRegistration() throws Exception {
        String id = register(RINA, "3502056902880005", "rina@ponorogo.go.id");
        publish(Topics.ACTIVATION_REVIEW_REQUESTED, id, new ActivationReviewRequested("a-2", id, RINA, List.of("KATEGORI_LAINNYA"),
                Instant.now()));
        awaitStatus(RINA, "WAITING_FOR_VERIFICATION");
        publish(Topics.ACTIVATION_REJECTED, id, new ActivationRejected("a-2", id, RINA, "Foto tidak jelas", AGUS, Instant.now()));
        awaitStatus(RINA, "NOT_REGISTERED");
        as(RINA).get("/api/v1/me/certificate").then().body("catatan", containsString("Foto tidak jelas"));

        String again = register(RINA, "3502056902880005", "rina@ponorogo.go.id");
        assertThat(again).isNotEqualTo(id);
        as(RINA).get("/api/v1/me/certificate").then().body("status", equalTo("NEW"));
        publish(Topics.ACTIVATION_EXPIRED, again, new ActivationExpired("a-3", again, RINA, Instant.now()));
        awaitStatus(RINA, "NOT_REGISTERED");
        as(RINA).get("/api/v1/me/certificate").then().body("catatan", containsString("kedaluwarsa"));
    }
}
