package id.teken.certificate.adapter.in;

import id.teken.certificate.Openssl;
import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.MailInbox;
import id.teken.devstack.TopicReader;
import id.teken.devstack.TopicWriter;
import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import id.teken.events.certificate.CertificateIssued;
import id.teken.events.certificate.CertificateRevoked;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class CertificateFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    @Inject
    EntityManager entityManager;

    static ActivationCompleted activated(String nip, String nik, String nama, String email) {
        return new ActivationCompleted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), nip, nik, nama, email,
                "+6281234567890", "ASN_POLRI", "Pemerintah Kabupaten Ponorogo", "Dinas Komunikasi, Informatika dan Statistik",
                "Pranata Komputer", "Jawa Timur", "KP-2026-01", "PPSE-2026-01", Instant.now(), null, Instant.now(), null);
    }

    void publish(ActivationCompleted a) {
        TopicWriter.send(kafka, Topics.ACTIVATION_COMPLETED.name(), a.registrationId(),
                EventCodec.toJson(EventEnvelope.of(Topics.ACTIVATION_COMPLETED, a.registrationId(), "test", a)));
    }

    String linkToken(String email, int nth, String subject) {
        MailInbox.Message mail = new MailInbox(mailApi).await(email, nth, Duration.ofSeconds(30)).get(nth - 1);
        assertThat(mail.subject()).contains(subject);
        String link = mail.link("/passphrase/").orElseThrow();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    static String jwt(String nip) {
        return Jwt.issuer("https://teken.local").subject(nip).groups("ASN").expiresIn(300).sign();
    }

    Path file(String name, String content) throws IOException {
        Path p = Files.createTempFile(name, ".pem");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void activation_setPassphrase_issue_thenReset_revokesTheOldCertificate() throws IOException {
        ActivationCompleted a = activated("198503152010011001", "3502011503850001", "Budi Santoso", "budi.cert@ponorogo.go.id");
        publish(a);
        List<MailInbox.Message> mails = new MailInbox(mailApi).await(a.emailDinas(), 2, Duration.ofSeconds(30));
        assertThat(mails).extracting(MailInbox.Message::subject).anyMatch(s -> s.contains("Informasi Akun"));
        String token = linkToken(a.emailDinas(), 2, "Atur Passphrase");
        String base = "/api/v1/passphrase-links/" + token;

        given().get(base).then().statusCode(200).body("tujuan", equalTo("SET")).body("nama", equalTo("Budi Santoso"))
                .body("versiPerjanjianPemilik", equalTo("PPSE-2026-01"));
        given().contentType(ContentType.JSON).body(Map.of("passphrase", "lemah", "setujuPerjanjianPemilik", true)).post(base)
                .then().statusCode(422).body("code", equalTo("PASSPHRASE_WEAK")).body("detail", containsString("simbol"))
                .body("instance", equalTo("/api/v1/passphrase-links/{token}"));
        given().contentType(ContentType.JSON).body(Map.of("passphrase", "Budi#Santoso9", "setujuPerjanjianPemilik", true)).post(base)
                .then().statusCode(422).body("detail", containsString("nama, NIP atau NIK"));
        given().contentType(ContentType.JSON).body(Map.of("passphrase", "Kebun#Teh7Lawu", "setujuPerjanjianPemilik", false)).post(base)
                .then().statusCode(422).body("code", equalTo("AGREEMENT_REQUIRED"));
        given().contentType(ContentType.JSON).post(base).then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        given().contentType(ContentType.JSON).body("{\"passphrase\":").post(base).then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        String serial = given().contentType(ContentType.JSON).body(Map.of("passphrase", "Kebun#Teh7Lawu", "setujuPerjanjianPemilik", true))
                .post(base).then().statusCode(200).body("status", equalTo("ISSUE")).body("validFrom", notNullValue())
                .body("validTo", notNullValue()).extract().jsonPath().getString("serialNumber");
        given().contentType(ContentType.JSON).body(Map.of("passphrase", "Kebun#Teh7Lawu", "setujuPerjanjianPemilik", true))
                .post(base).then().statusCode(410).body("code", equalTo("LINK_USED"));
        assertThat(new MailInbox(mailApi).await(a.emailDinas(), 3, Duration.ofSeconds(30)).get(2).subject())
                .contains("Sertifikat Elektronik Terbit");

        List<ConsumerRecord<String, String>> issued = TopicReader.await(kafka, Topics.CERTIFICATE_ISSUED.name(),
                r -> r.value().contains(serial), 1, Duration.ofSeconds(30));
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).key()).isEqualTo(a.nip());
        EventEnvelope<CertificateIssued> event = EventCodec.fromJson(Topics.CERTIFICATE_ISSUED, issued.get(0).value());
        assertThat(event.payload().registrationId()).isEqualTo(a.registrationId());
        assertThat(issued.get(0).value()).doesNotContain("PRIVATE KEY").doesNotContain("Kebun#Teh7Lawu");

        // Independent check: openssl accepts the certificate against the published chain.
        String chain = given().get("/pki/ca").then().statusCode(200).extract().asString();
        int split = chain.indexOf("-----BEGIN CERTIFICATE-----", 10);
        Path issuing = file("issuing", chain.substring(0, split));
        Path root = file("root", chain.substring(split));
        Path leaf = file("leaf", event.payload().certificatePem());
        assertThat(Openssl.run("verify", "-CAfile", root.toString(), "-untrusted", issuing.toString(), leaf.toString()).output())
                .contains(": OK");
        assertThat(given().get("/pki/ca/issuing.crt").then().statusCode(200).extract().asByteArray()).isNotEmpty();

        // Key material at rest: neither the passphrase nor a clear key is in the database.
        byte[] sealed = QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager.createNativeQuery(
                "SELECT sealed_key FROM credential WHERE serial_number = ?1").setParameter(1, serial).getSingleResult());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Kebun#Teh7Lawu").doesNotContain("BEGIN");

        // Reset from the dashboard.
        given().post("/api/v1/me/certificate/passphrase-reset").then().statusCode(401);
        given().auth().oauth2(jwt(a.nip())).post("/api/v1/me/certificate/passphrase-reset").then().statusCode(202);
        String resetToken = linkToken(a.emailDinas(), 4, "Reset Passphrase");
        given().get("/api/v1/passphrase-links/" + resetToken).then().statusCode(200).body("tujuan", equalTo("RESET"));
        String newSerial = given().contentType(ContentType.JSON).body(Map.of("passphrase", "Sawah!Padi8Ngebel", "setujuPerjanjianPemilik", true))
                .post("/api/v1/passphrase-links/" + resetToken).then().statusCode(200).body("serialNumberDicabut", equalTo(serial))
                .extract().jsonPath().getString("serialNumber");
        assertThat(newSerial).isNotEqualTo(serial);

        List<ConsumerRecord<String, String>> revoked = TopicReader.await(kafka, Topics.CERTIFICATE_REVOKED.name(),
                r -> r.value().contains(serial), 1, Duration.ofSeconds(30));
        assertThat(revoked).hasSize(1);
        EventEnvelope<CertificateRevoked> revokedEvent = EventCodec.fromJson(Topics.CERTIFICATE_REVOKED, revoked.get(0).value());
        assertThat(revokedEvent.payload().reason()).isEqualTo("superseded");

        byte[] crl = given().get("/pki/crl").then().statusCode(200).contentType("application/pkix-crl").extract().asByteArray();
        Path crlFile = Files.createTempFile("crl", ".der");
        Files.write(crlFile, crl);
        String crlText = Openssl.run("crl", "-inform", "DER", "-in", crlFile.toString(), "-noout", "-text").output();
        assertThat(crlText).contains(serial).contains("Superseded").doesNotContain(newSerial);

        // OCSP with openssl: the old certificate is revoked (superseded), the new one good, a stranger unknown.
        String newPem = EventCodec.fromJson(Topics.CERTIFICATE_ISSUED, TopicReader.await(kafka, Topics.CERTIFICATE_ISSUED.name(),
                r -> r.value().contains(newSerial), 1, Duration.ofSeconds(30)).get(0).value()).payload().certificatePem();
        Path newLeaf = file("new-leaf", newPem);
        String url = "http://localhost:" + io.restassured.RestAssured.port + "/pki/ocsp";
        Openssl.Result ocsp = Openssl.run("ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(), "-cert", newLeaf.toString(),
                "-url", url, "-CAfile", root.toString(), "-verify_other", issuing.toString());
        assertThat(ocsp.output()).contains("Response verify OK").contains(leaf + ": revoked").contains("superseded")
                .contains(newLeaf + ": good");
        Openssl.Result unknown = Openssl.run("ocsp", "-issuer", issuing.toString(), "-serial", "0x1234ABCD", "-url", url,
                "-CAfile", root.toString(), "-verify_other", issuing.toString());
        assertThat(unknown.output()).contains("Response verify OK").contains("0x1234ABCD: unknown");

        // A time stamp with openssl: query, answer from /pki/tsa, verify against our root.
        Path data = Files.createTempFile("stamped", ".txt");
        Files.writeString(data, "Dokumen yang dicap waktu " + UUID.randomUUID());
        Path tsq = Files.createTempFile("query", ".tsq");
        assertThat(Openssl.run("ts", "-query", "-data", data.toString(), "-sha256", "-cert", "-out", tsq.toString()).exitCode()).isZero();
        byte[] reply = given().contentType("application/timestamp-query").body(Files.readAllBytes(tsq)).post("/pki/tsa")
                .then().statusCode(200).contentType("application/timestamp-reply").extract().asByteArray();
        Path tsr = Files.createTempFile("reply", ".tsr");
        Files.write(tsr, reply);
        assertThat(Openssl.run("ts", "-verify", "-data", data.toString(), "-in", tsr.toString(), "-CAfile", root.toString(),
                "-untrusted", issuing.toString()).output()).contains("Verification: OK");
        assertThat(Openssl.run("ts", "-reply", "-in", tsr.toString(), "-text").output()).contains("Status: Granted")
                .contains("2.25.302943438527727717514087155551434410598.2");
    }

    @Test
    void contractStaff_getACertificateThatEndsWithTheirContract() throws Exception {
        Instant contractEnds = Instant.now().plus(Duration.ofDays(90)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ActivationCompleted usual = activated("199206102019031006", "3502071006920006", "Joko Susilo", "joko.cert@ponorogo.go.id");
        ActivationCompleted a = new ActivationCompleted(usual.activationId(), usual.registrationId(), usual.nip(), usual.nik(),
                usual.namaLengkap(), usual.emailDinas(), usual.nomorTelepon(), "LAINNYA", usual.instansi(), "Sekretariat Daerah",
                "Tenaga Kontrak Administrasi", usual.provinsi(), usual.privacyPolicyVersion(), usual.subscriberAgreementVersion(),
                usual.consentedAt(), "197812012005041003", usual.activatedAt(), contractEnds);
        publish(a);
        String token = linkToken(a.emailDinas(), 2, "Atur Passphrase");
        String validTo = given().contentType(ContentType.JSON).body(Map.of("passphrase", "Kebun#Teh7Lawu", "setujuPerjanjianPemilik", true))
                .post("/api/v1/passphrase-links/" + token).then().statusCode(200).body("status", equalTo("ISSUE"))
                .extract().jsonPath().getString("validTo");
        assertThat(Instant.parse(validTo)).isEqualTo(contractEnds);
        // The certificate itself says so (openssl reads its notAfter).
        String pem = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT certificate_pem FROM credential WHERE nip = ?1 ORDER BY not_before DESC LIMIT 1").setParameter(1, a.nip())
                .getSingleResult());
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(contractEnds);
    }

    @Test
    void pkiProtocols_answerGarbageWithTheirOwnErrorStatus() throws Exception {
        byte[] ocsp = given().contentType("application/ocsp-request").body("not an ocsp request".getBytes()).post("/pki/ocsp")
                .then().statusCode(200).contentType("application/ocsp-response").extract().asByteArray();
        assertThat(new org.bouncycastle.cert.ocsp.OCSPResp(ocsp).getStatus()).isEqualTo(org.bouncycastle.cert.ocsp.OCSPResp.MALFORMED_REQUEST);
        byte[] viaGet = given().urlEncodingEnabled(false).get("/pki/ocsp/bm90LWJhc2U2NA%3D%3D").then().statusCode(200).extract().asByteArray();
        assertThat(new org.bouncycastle.cert.ocsp.OCSPResp(viaGet).getStatus()).isEqualTo(org.bouncycastle.cert.ocsp.OCSPResp.MALFORMED_REQUEST);
        byte[] tsa = given().contentType("application/timestamp-query").body("not a query".getBytes()).post("/pki/tsa")
                .then().statusCode(200).extract().asByteArray();
        assertThat(new org.bouncycastle.tsp.TimeStampResponse(tsa).getStatus()).isEqualTo(org.bouncycastle.asn1.cmp.PKIStatus.REJECTION);
        given().contentType("application/json").body("{}").post("/pki/tsa").then().statusCode(415);
        given().contentType("application/timestamp-query").body(new byte[20_000]).post("/pki/tsa").then().statusCode(200);
    }

    @Test
    void linkRules_andResetWithoutCertificate() {
        ActivationCompleted a = activated("199007222015032002", "3502106207900002", "Siti Rahayu", "siti.cert@ponorogo.go.id");
        publish(a);
        String token = linkToken(a.emailDinas(), 2, "Atur Passphrase");
        given().get("/api/v1/passphrase-links/" + "Q".repeat(43)).then().statusCode(404).body("code", equalTo("LINK_UNKNOWN"));
        given().get("/api/v1/passphrase-links/nope").then().statusCode(404);
        given().auth().oauth2(jwt(a.nip())).post("/api/v1/me/certificate/passphrase-reset").then().statusCode(409)
                .body("code", equalTo("NO_CERTIFICATE"));
        given().auth().oauth2(jwt("199912312020121001")).post("/api/v1/me/certificate/passphrase-reset").then().statusCode(404);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE passphrase_link SET expires_at = now() - interval '1 minute' WHERE nip = ?1").setParameter(1, a.nip()).executeUpdate());
        given().get("/api/v1/passphrase-links/" + token).then().statusCode(410).body("code", equalTo("LINK_EXPIRED"));

        // The same event again opens nothing new.
        int before = new MailInbox(mailApi).messages(a.emailDinas()).size();
        publish(a);
        given().get("/pki/crl").then().statusCode(200);
        assertThat(new MailInbox(mailApi).messages(a.emailDinas())).hasSize(before);
    }
}
