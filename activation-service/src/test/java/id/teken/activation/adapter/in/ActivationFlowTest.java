package id.teken.activation.adapter.in;

import id.teken.activation.Selfies;
import id.teken.devstack.ConsumerProgress;
import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.MailInbox;
import id.teken.devstack.TopicReader;
import id.teken.devstack.TopicWriter;
import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import id.teken.events.activation.ActivationReviewRequested;
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

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
class ActivationFlowTest {

    static final String VERIFIER = "197812012005041003";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** The consumer group the service's event consumer uses (its application name). */
    @ConfigProperty(name = "quarkus.application.name")
    String group;

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    @Inject
    EntityManager entityManager;

    @Inject
    id.teken.kit.audit.AuditChain chain;

    static RegistrationSubmitted registration(String nip, String nik, String nama, String emailDinas) {
        return new RegistrationSubmitted(UUID.randomUUID().toString(), nip, nik, nama, "pribadi@example.com", emailDinas,
                "PNS", "Pemerintah Kabupaten Ponorogo", "Dinas", "Jabatan", "Jawa Timur", Instant.now(), null);
    }

    String publish(RegistrationSubmitted r) {
        EventEnvelope<RegistrationSubmitted> envelope = EventEnvelope.of(Topics.REGISTRATION_SUBMITTED, r.registrationId(), "test", r);
        String json = EventCodec.toJson(envelope);
        TopicWriter.send(kafka, Topics.REGISTRATION_SUBMITTED.name(), r.registrationId(), json);
        return json;
    }

    String tokenFromMail(String emailDinas, int nth) {
        MailInbox.Message mail = new MailInbox(mailApi).await(emailDinas, nth, Duration.ofSeconds(30)).get(nth - 1);
        assertThat(mail.subject()).contains("Aktivasi Sertifikat Elektronik");
        String link = mail.link("/aktivasi/").orElseThrow();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    static RequestSpecification verifier() {
        return given().auth().oauth2(Jwt.issuer("https://teken.local").subject(VERIFIER).groups(Set.of("ASN", "VERIFIKATOR"))
                .expiresIn(300).sign());
    }

    static RequestSpecification link() {
        return given().header("X-Forwarded-For", "10.1.1.1");
    }

    String activationId(String token) {
        return link().get("/api/v1/activations/" + token).then().statusCode(200).extract().jsonPath().getString("activationId");
    }

    void completeStepsUntilSubmit(String token, String nik, String nama, Map<String, String> employment) {
        link().contentType(ContentType.JSON).body(Map.of("namaLengkap", nama, "nik", nik, "nomorTelepon", "0812-3456-7890"))
                .put("/api/v1/activations/" + token + "/identity").then().statusCode(200);
        link().contentType(ContentType.JSON).body(employment).put("/api/v1/activations/" + token + "/employment").then().statusCode(200);
        link().contentType("image/jpeg").body(Selfies.goodJpeg()).put("/api/v1/activations/" + token + "/selfie").then().statusCode(200);
    }

    @Test
    void journey_stepsChecksReviewAndApproval() {
        RegistrationSubmitted r = registration("198503152010011001", "3502011503850001", "Budi Santoso", "budi.flow@ponorogo.go.id");
        publish(r);
        String token = tokenFromMail(r.emailDinas(), 1);
        String base = "/api/v1/activations/" + token;

        link().get(base).then().statusCode(200).body("langkahBerikutnya", equalTo("IDENTITY"))
                .body("instansi", equalTo("Pemerintah Kabupaten Ponorogo")).body("berlakuSampai", notNullValue());

        // Out of order.
        link().contentType(ContentType.JSON).body(Map.of("kategori", "ASN_POLRI", "nipNrp", r.nip())).put(base + "/employment")
                .then().statusCode(409).body("code", equalTo("STEP_OUT_OF_ORDER"));
        link().contentType("image/jpeg").body(Selfies.goodJpeg()).put(base + "/selfie").then().statusCode(409);
        link().contentType(ContentType.JSON).body(Map.of("setujuKebijakanPrivasi", true, "setujuPerjanjianPemilik", true))
                .post(base + "/submit").then().statusCode(409);

        // Identity.
        String mismatch = link().contentType(ContentType.JSON).body(Map.of("namaLengkap", "Budi Santoso", "nik", "3502011503850009", "nomorTelepon", "081234567890"))
                .put(base + "/identity").then().statusCode(422).body("code", equalTo("NIK_MISMATCH"))
                .body("instance", equalTo("/api/v1/activations/{token}/identity")).extract().asString();
        assertThat(mismatch).doesNotContain(token);
        link().contentType(ContentType.JSON).body(Map.of("namaLengkap", "Budi Santoso", "nik", r.nik(), "nomorTelepon", "12345"))
                .put(base + "/identity").then().statusCode(400).body("code", equalTo("PHONE_INVALID"));
        link().contentType(ContentType.JSON).put(base + "/identity").then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        link().contentType(ContentType.JSON).body("{\"nik\":").put(base + "/identity").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        link().contentType(ContentType.JSON).body(Map.of("namaLengkap", "Budi Santoso", "nik", r.nik(), "nomorTelepon", "0812-3456-7890"))
                .put(base + "/identity").then().statusCode(200).body("langkahBerikutnya", equalTo("EMPLOYMENT"));

        // Employment through SIASN.
        link().contentType(ContentType.JSON).body(Map.of("kategori", "ASN_POLRI", "nipNrp", "199912312020121001"))
                .put(base + "/employment").then().statusCode(404).body("code", equalTo("NIP_NOT_FOUND")).body("title", equalTo("NIP/NRP tidak ditemukan"));
        link().contentType(ContentType.JSON).body(Map.of("kategori", "ASN_POLRI", "nipNrp", "199007222015032002"))
                .put(base + "/employment").then().statusCode(422).body("code", equalTo("NIP_MISMATCH"));
        link().contentType(ContentType.JSON).body(Map.of("kategori", "PNS", "nipNrp", r.nip()))
                .put(base + "/employment").then().statusCode(400).body("code", equalTo("KATEGORI_INVALID"));
        link().contentType(ContentType.JSON).body(Map.of("kategori", "ASN_POLRI", "nipNrp", "abc"))
                .put(base + "/employment").then().statusCode(400).body("code", equalTo("NIP_INVALID"));
        link().contentType(ContentType.JSON).body(Map.of("kategori", "ASN_POLRI", "nipNrp", r.nip()))
                .put(base + "/employment").then().statusCode(200)
                .body("unitOrganisasi", equalTo("Dinas Komunikasi, Informatika dan Statistik"))
                .body("jabatan", equalTo("Pranata Komputer Ahli Muda")).body("provinsi", equalTo("Jawa Timur"))
                .body("terverifikasiSiasn", equalTo(true));

        // Selfie checks.
        link().contentType(ContentType.TEXT).body("hello").put(base + "/selfie").then().statusCode(415);
        link().contentType("image/png").body(Selfies.goodJpeg()).put(base + "/selfie").then().statusCode(415).body("code", equalTo("SELFIE_TYPE"));
        link().contentType("image/png").body(Selfies.encode(Selfies.blurred(640, 640), "png")).put(base + "/selfie")
                .then().statusCode(422).body("code", equalTo("SELFIE_BLURRED")).body("detail", containsString("buram"));
        link().contentType("image/png").body(Selfies.encode(Selfies.flat(640, 640, 5), "png")).put(base + "/selfie")
                .then().statusCode(422).body("code", equalTo("SELFIE_TOO_DARK"));
        link().contentType("image/jpeg").body(Selfies.encode(Selfies.portrait(200, 200), "jpg")).put(base + "/selfie")
                .then().statusCode(422).body("code", equalTo("SELFIE_TOO_SMALL"));
        byte[] huge = new byte[5 * 1024 * 1024 + 10];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        link().contentType("image/jpeg").body(huge).put(base + "/selfie").then().statusCode(413).body("code", equalTo("SELFIE_TOO_LARGE"));
        link().contentType("image/jpeg").body(new byte[0]).put(base + "/selfie").then().statusCode(422);
        byte[] selfie = Selfies.goodJpeg();
        link().contentType("image/jpeg").body(selfie).put(base + "/selfie").then().statusCode(200).body("langkahBerikutnya", equalTo("SUBMIT"));

        // Submit needs both consents.
        link().contentType(ContentType.JSON).body(Map.of("setujuKebijakanPrivasi", true, "setujuPerjanjianPemilik", false))
                .post(base + "/submit").then().statusCode(422).body("code", equalTo("CONSENT_REQUIRED"));
        link().contentType(ContentType.JSON).body(Map.of("setujuKebijakanPrivasi", true, "setujuPerjanjianPemilik", true))
                .post(base + "/submit").then().statusCode(200).body("status", equalTo("WAITING_FOR_VERIFICATION"));
        link().get(base).then().statusCode(410).body("code", equalTo("LINK_USED"));

        List<ConsumerRecord<String, String>> review = TopicReader.await(kafka, Topics.ACTIVATION_REVIEW_REQUESTED.name(),
                x -> r.registrationId().equals(x.key()), 1, Duration.ofSeconds(30));
        assertThat(review).hasSize(1);
        EventEnvelope<ActivationReviewRequested> reviewEvent = EventCodec.fromJson(Topics.ACTIVATION_REVIEW_REQUESTED, review.get(0).value());
        assertThat(reviewEvent.payload().reasons()).contains("FACE_REVIEW_REQUIRED");

        // The selfie is stored encrypted.
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager.createNativeQuery(
                "SELECT s.ciphertext FROM activation_selfie s JOIN activation a ON a.id = s.activation_id WHERE a.registration_id = ?1")
                .setParameter(1, r.registrationId()).getSingleResult());
        assertThat(stored).isNotEqualTo(selfie);
        assertThat(Arrays.copyOf(stored, 3)).isNotEqualTo(Arrays.copyOf(selfie, 3));

        // The verifier console.
        given().get("/api/v1/verifier/activations").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(Jwt.issuer("https://teken.local").subject(r.nip()).groups("ASN").expiresIn(300).sign())
                .get("/api/v1/verifier/activations").then().statusCode(403);
        String id = verifier().get("/api/v1/verifier/activations").then().statusCode(200)
                .body("registrationId", hasItem(r.registrationId())).extract().jsonPath()
                .getString("find { it.registrationId == '" + r.registrationId() + "' }.id");
        verifier().get("/api/v1/verifier/activations/" + id).then().statusCode(200)
                .body("identitas.nomorTelepon", equalTo("+6281234567890")).body("kedinasan.kategori", equalTo("ASN_POLRI"))
                .body("alasanVerifikasi", hasItem("FACE_REVIEW_REQUIRED"));
        byte[] served = verifier().get("/api/v1/verifier/activations/" + id + "/selfie").then().statusCode(200)
                .contentType("image/jpeg").header("Cache-Control", "no-store").extract().asByteArray();
        assertThat(served).isEqualTo(selfie);
        verifier().get("/api/v1/verifier/activations/not-a-uuid").then().statusCode(404);
        verifier().get("/api/v1/verifier/activations?status=NONSENSE").then().statusCode(400);

        verifier().post("/api/v1/verifier/activations/" + id + "/approve").then().statusCode(200).body("status", equalTo("ACTIVATED"))
                .body("diputuskanOleh", equalTo(VERIFIER));
        verifier().post("/api/v1/verifier/activations/" + id + "/approve").then().statusCode(409).body("code", equalTo("NOT_AWAITING_DECISION"));

        List<ConsumerRecord<String, String>> completed = TopicReader.await(kafka, Topics.ACTIVATION_COMPLETED.name(),
                x -> r.registrationId().equals(x.key()), 1, Duration.ofSeconds(30));
        assertThat(completed).hasSize(1);
        EventEnvelope<ActivationCompleted> done = EventCodec.fromJson(Topics.ACTIVATION_COMPLETED, completed.get(0).value());
        assertThat(done.payload().nip()).isEqualTo(r.nip());
        assertThat(done.payload().approvedBy()).isEqualTo(VERIFIER);
        assertThat(done.payload().unitOrganisasi()).isEqualTo("Dinas Komunikasi, Informatika dan Statistik");
        assertThat(done.payload().privacyPolicyVersion()).isEqualTo("KP-2026-01");
        assertThat(done.payload().subscriberAgreementVersion()).isEqualTo("PPSE-2026-01");
        assertThat(done.payload().consentedAt()).isNotNull();
        assertThat(completed.get(0).value()).doesNotContain(token).doesNotContainIgnoringCase("selfie")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(Arrays.copyOf(selfie, 30)));

        verifier().get("/api/v1/verifier/audit").then().statusCode(200)
                .body("findAll { it.activationId == '" + id + "' }.action", hasItem("VIEW_SELFIE"))
                .body("findAll { it.activationId == '" + id + "' }.action", hasItem("APPROVE"))
                .body("findAll { it.activationId == '" + id + "' }.actorNip", hasItem(VERIFIER));

        // The decision and its event are in the tamper-evident chain too, and the chain holds.
        @SuppressWarnings("unchecked")
        List<Object[]> chained = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT actor, action FROM teken_audit_chain WHERE subject IN (?1, ?2) ORDER BY seq")
                .setParameter(1, id).setParameter(2, r.registrationId()).getResultList());
        assertThat(chained.stream().map(row -> row[0] + " " + row[1]).toList())
                .contains(VERIFIER + " verifier.APPROVE", VERIFIER + " verifier.VIEW_SELFIE", "system activation.completed");
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void rejection_emitsTheEvent_andMailsTheReason() {
        RegistrationSubmitted r = registration("199007222015032002", "3502106207900002", "Siti Rahayu", "siti.flow@ponorogo.go.id");
        publish(r);
        String token = tokenFromMail(r.emailDinas(), 1);
        completeStepsUntilSubmit(token, r.nik(), "Siti Rahayu", Map.of("kategori", "LAINNYA", "unitOrganisasi", "Sekretariat",
                "jabatan", "Tenaga Ahli"));
        link().contentType(ContentType.JSON).body(Map.of("setujuKebijakanPrivasi", true, "setujuPerjanjianPemilik", true))
                .post("/api/v1/activations/" + token + "/submit").then().statusCode(200).body("status", equalTo("WAITING_FOR_VERIFICATION"));
        String id = verifier().get("/api/v1/verifier/activations?nip=" + r.nip()).then().statusCode(200)
                .body("[0].alasanVerifikasi", hasItem("KATEGORI_LAINNYA")).extract().jsonPath().getString("[0].id");
        verifier().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/verifier/activations/" + id + "/reject")
                .then().statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        verifier().contentType(ContentType.JSON).body(Map.of("alasan", "Swafoto tidak sesuai dengan foto KTP"))
                .post("/api/v1/verifier/activations/" + id + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        assertThat(TopicReader.await(kafka, Topics.ACTIVATION_REJECTED.name(), x -> r.registrationId().equals(x.key()), 1,
                Duration.ofSeconds(30)).get(0).value()).contains("Swafoto tidak sesuai dengan foto KTP");
        MailInbox.Message mail = new MailInbox(mailApi).await(r.emailDinas(), 2, Duration.ofSeconds(30)).get(1);
        assertThat(mail.subject()).contains("Ditolak");
        assertThat(mail.text()).contains("Swafoto tidak sesuai dengan foto KTP");
    }

    @Test
    void expiredLink_isGone_andTheJobAnnouncesIt() {
        RegistrationSubmitted r = registration("199511052022022001", "3502154511950003", "Dewi Lestari", "dewi.flow@ponorogo.go.id");
        publish(r);
        String token = tokenFromMail(r.emailDinas(), 1);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE activation SET expires_at = now() - interval '1 minute' WHERE registration_id = ?1")
                .setParameter(1, r.registrationId()).executeUpdate());
        link().get("/api/v1/activations/" + token).then().statusCode(410).body("code", equalTo("LINK_EXPIRED"))
                .body("detail", containsString("registrasi ulang"));
        assertThat(TopicReader.await(kafka, Topics.ACTIVATION_EXPIRED.name(), x -> r.registrationId().equals(x.key()), 1,
                Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void theSameRegistrationTwice_makesOneActivationAndOneMail() throws Exception {
        RegistrationSubmitted r = registration("199304182023031007", "3502071804930007", "Andi Wijaya", "andi.flow@ponorogo.go.id");
        String json = publish(r);
        org.apache.kafka.clients.producer.RecordMetadata second = TopicWriter.send(kafka, Topics.REGISTRATION_SUBMITTED.name(),
                r.registrationId(), json);
        EventEnvelope<RegistrationSubmitted> third = EventEnvelope.of(Topics.REGISTRATION_SUBMITTED, r.registrationId(), "test", r);
        org.apache.kafka.clients.producer.RecordMetadata last = TopicWriter.send(kafka, Topics.REGISTRATION_SUBMITTED.name(),
                r.registrationId(), EventCodec.toJson(third));
        tokenFromMail(r.emailDinas(), 1);
        // Barrier, not a pause: the service has handled both repeats (its offsets pass them) before we look.
        ConsumerProgress.awaitHandled(kafka, group, java.util.List.of(second, last), Duration.ofSeconds(30));
        assertThat(new MailInbox(mailApi).messages(r.emailDinas())).hasSize(1);
        Number rows = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM activation WHERE registration_id = ?1").setParameter(1, r.registrationId()).getSingleResult());
        assertThat(rows.intValue()).isEqualTo(1);
    }

    @Test
    void poisonRecords_areParkedOnTheDeadLetterTopic_andConsumptionGoesOn() {
        String key = "poison-" + UUID.randomUUID();
        TopicWriter.send(kafka, Topics.REGISTRATION_SUBMITTED.name(), key, "{ this is not an event");
        List<ConsumerRecord<String, String>> parked = TopicReader.await(kafka, Topics.REGISTRATION_SUBMITTED.deadLetterName(),
                x -> key.equals(x.key()), 1, Duration.ofSeconds(30));
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).value()).isEqualTo("{ this is not an event");
        assertThat(new String(parked.get(0).headers().lastHeader("teken.dlq.reason").value())).contains("unreadable");
        assertThat(new String(parked.get(0).headers().lastHeader("teken.dlq.consumer").value())).isEqualTo("activation-service");

        // A record the handler keeps failing on (no mail address to send to) is retried, then parked too.
        RegistrationSubmitted broken = registration("198107302006042008", "3502077007810009", "Sri Wahyuni", "bukan alamat email");
        publish(broken);
        assertThat(TopicReader.await(kafka, Topics.REGISTRATION_SUBMITTED.deadLetterName(),
                x -> broken.registrationId().equals(x.key()), 1, Duration.ofSeconds(60))).hasSize(1);
        Number rows = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM activation WHERE registration_id = ?1").setParameter(1, broken.registrationId()).getSingleResult());
        assertThat(rows.intValue()).isZero();

        // The consumer is still alive.
        RegistrationSubmitted next = registration("198107302006042008", "3502077007810009", "Sri Wahyuni", "sri.flow@ponorogo.go.id");
        publish(next);
        tokenFromMail(next.emailDinas(), 1);
    }

    @Test
    void resendReplacesTheLink_andInvalidateClosesIt() {
        RegistrationSubmitted r = registration("198802292012052004", "3502056902880005", "Rina Wulandari", "rina.flow@ponorogo.go.id");
        publish(r);
        String first = tokenFromMail(r.emailDinas(), 1);
        String id = activationId(first);
        verifier().post("/api/v1/verifier/activations/" + id + "/resend-link").then().statusCode(200).body("status", equalTo("LINK_SENT"));
        String second = tokenFromMail(r.emailDinas(), 2);
        assertThat(second).isNotEqualTo(first);
        link().get("/api/v1/activations/" + first).then().statusCode(404);
        link().get("/api/v1/activations/" + second).then().statusCode(200);
        verifier().post("/api/v1/verifier/activations/" + id + "/invalidate-link").then().statusCode(200).body("status", equalTo("INVALIDATED"));
        link().get("/api/v1/activations/" + second).then().statusCode(410);
        verifier().post("/api/v1/verifier/activations/" + id + "/resend-link").then().statusCode(409);
        assertThat(TopicReader.await(kafka, Topics.ACTIVATION_EXPIRED.name(), x -> r.registrationId().equals(x.key()), 1,
                Duration.ofSeconds(30))).hasSize(1);
        verifier().get("/api/v1/verifier/audit?limit=50").then().statusCode(200)
                .body("findAll { it.activationId == '" + id + "' }.action", hasItem("RESEND_LINK"))
                .body("findAll { it.activationId == '" + id + "' }.action", hasItem("INVALIDATE_LINK"));
    }

    @Test
    void unknownTokens_are404_andGuessingIsThrottledPerAddress() {
        String guesser = "10.66.66.66";
        given().header("X-Forwarded-For", guesser).get("/api/v1/activations/" + "A".repeat(43)).then().statusCode(404)
                .body("code", equalTo("LINK_UNKNOWN"));
        given().header("X-Forwarded-For", guesser).get("/api/v1/activations/short").then().statusCode(404);
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", guesser).get("/api/v1/activations/" + "B".repeat(42) + i % 10);
        }
        given().header("X-Forwarded-For", guesser).get("/api/v1/activations/" + "C".repeat(43)).then().statusCode(429)
                .header("Retry-After", notNullValue()).body("code", equalTo("TOO_MANY_ATTEMPTS"));
        given().header("X-Forwarded-For", "10.66.66.67").get("/api/v1/activations/" + "C".repeat(43)).then().statusCode(404);
    }

    @Test
    void aLookAlikeName_goesToTheVerifier_whoCannotDecideTheirOwn_andTheCertificateGetsTheDirectorysName() {
        // The verifier registered for their own certificate and typed their name with a Cyrillic "а".
        RegistrationSubmitted r = registration(VERIFIER, "3502030112780004", "Agus Prasetyo", "agus.flow@ponorogo.go.id");
        publish(r);
        String token = tokenFromMail(r.emailDinas(), 1);
        completeStepsUntilSubmit(token, r.nik(), "\u0410gus Prasetyo", Map.of("kategori", "ASN_POLRI", "nipNrp", VERIFIER));
        link().contentType(ContentType.JSON).body(Map.of("setujuKebijakanPrivasi", true, "setujuPerjanjianPemilik", true))
                .post("/api/v1/activations/" + token + "/submit").then().statusCode(200).body("status", equalTo("WAITING_FOR_VERIFICATION"));
        String id = verifier().get("/api/v1/verifier/activations?nip=" + r.nip()).then().statusCode(200)
                .body("[0].alasanVerifikasi", hasItem("NAME_DIFFERS")).extract().jsonPath().getString("[0].id");

        verifier().post("/api/v1/verifier/activations/" + id + "/approve").then().statusCode(403).body("code", equalTo("SELF_REVIEW"));
        verifier().contentType(ContentType.JSON).body(Map.of("alasan", "tidak sesuai")).post("/api/v1/verifier/activations/" + id + "/reject")
                .then().statusCode(403);
        String other = "198802292012052004";
        given().auth().oauth2(Jwt.issuer("https://teken.local").subject(other).groups(Set.of("ASN", "VERIFIKATOR")).expiresIn(300).sign())
                .post("/api/v1/verifier/activations/" + id + "/approve").then().statusCode(200).body("status", equalTo("ACTIVATED"));

        EventEnvelope<ActivationCompleted> done = EventCodec.fromJson(Topics.ACTIVATION_COMPLETED, TopicReader.await(kafka,
                Topics.ACTIVATION_COMPLETED.name(), x -> r.registrationId().equals(x.key()), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(done.payload().namaLengkap()).isEqualTo("Agus Prasetyo");
        verifier().get("/api/v1/verifier/audit").then().statusCode(200)
                .body("findAll { it.activationId == '" + id + "' }.action", hasItem("REFUSED_SELF_APPROVE"))
                .body("findAll { it.activationId == '" + id + "' }.action", hasItem("REFUSED_SELF_REJECT"))
                .body("action", hasItem("VIEW_QUEUE"));
    }
}
