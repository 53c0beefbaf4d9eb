package id.teken.certificate.support;

import id.teken.devstack.MailInbox;
import id.teken.devstack.TopicWriter;
import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test subscribers: an activation.completed event on the real broker, the mailed link, a passphrase: an ISSUE certificate. */
public final class Subscribers {

    public static final String PASSPHRASE = "Kebun#Teh7Lawu";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Subscribers() {
    }

    /** A fresh, structurally valid NIP nobody else in the run uses. */
    public static String freshNip() {
        return "1990" + String.format("%014d", Math.abs(RANDOM.nextLong()) % 100_000_000_000_000L);
    }

    /** Activation -> set-passphrase mail -> passphrase set; the new certificate's serial. */
    public static String issue(String kafka, String mailApi, String nip, String email) {
        ActivationCompleted a = new ActivationCompleted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), nip,
                "3502011503850001", "Penguji Kunci", email, "+6281234567890", "ASN_POLRI", "Pemerintah Kabupaten Ponorogo", "Dinas",
                "Jabatan", "Jawa Timur", "KP-2026-01", "PPSE-2026-01", Instant.now(), null, Instant.now(), null);
        TopicWriter.send(kafka, Topics.ACTIVATION_COMPLETED.name(), a.registrationId(),
                EventCodec.toJson(EventEnvelope.of(Topics.ACTIVATION_COMPLETED, a.registrationId(), "test", a)));
        String link = new MailInbox(mailApi).await(email, 2, Duration.ofSeconds(30)).stream()
                .flatMap(m -> m.link("/passphrase/").stream()).findFirst().orElseThrow();
        return given().contentType(ContentType.JSON).body(Map.of("passphrase", PASSPHRASE, "setujuPerjanjianPemilik", true))
                .post("/api/v1/passphrase-links/" + token(link)).then().statusCode(200).extract().jsonPath().getString("serialNumber");
    }

    public static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    public static RequestSpecification internal() {
        return given().header("Authorization", "Bearer test-internal-token").contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String nip, String... roles) {
        return given().auth().oauth2(Jwt.issuer("https://teken.local").subject(nip).groups(java.util.Set.of(roles)).expiresIn(300).sign())
                .contentType(ContentType.JSON);
    }
}
