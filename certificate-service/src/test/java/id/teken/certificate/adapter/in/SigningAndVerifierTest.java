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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Sign-hash behind the gate, and the verifier's suspend/unsuspend/revoke, seen through OCSP and the dashboard events. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class SigningAndVerifierTest {

    static final String VERIFIER = "197812012005041003";
    static final String PASSPHRASE = "Kebun#Teh7Lawu";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    @Inject
    EntityManager entityManager;

    /** Activation -> set passphrase -> ISSUE; returns the serial. */
    String issue(String nip, String nik, String nama, String email) {
        ActivationCompleted a = new ActivationCompleted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), nip, nik, nama,
                email, "+6281234567890", "ASN_POLRI", "Pemerintah Kabupaten Ponorogo", "Dinas", "Jabatan", "Jawa Timur",
                "KP-2026-01", "PPSE-2026-01", Instant.now(), null, Instant.now(), null);
        TopicWriter.send(kafka, Topics.ACTIVATION_COMPLETED.name(), a.registrationId(),
                EventCodec.toJson(EventEnvelope.of(Topics.ACTIVATION_COMPLETED, a.registrationId(), "test", a)));
        String link = new MailInbox(mailApi).await(email, 2, Duration.ofSeconds(30)).get(1).link("/passphrase/").orElseThrow();
        return given().contentType(ContentType.JSON).body(Map.of("passphrase", PASSPHRASE, "setujuPerjanjianPemilik", true))
                .post("/api/v1/passphrase-links/" + link.substring(link.lastIndexOf('/') + 1)).then().statusCode(200)
                .extract().jsonPath().getString("serialNumber");
    }

    static RequestSpecification internal() {
        return given().header("Authorization", "Bearer test-internal-token").contentType(ContentType.JSON);
    }

    /** One digest in the one sign-hash form (a list of digests). */
    static Map<String, Object> signRequest(String nip, byte[] digest, String passphrase) {
        return Map.of("nip", nip, "digests", java.util.List.of(Base64.getEncoder().encodeToString(digest)), "digestAlgorithm", "SHA-256",
                "passphrase", passphrase);
    }

    static RequestSpecification verifier() {
        return given().auth().oauth2(Jwt.issuer("https://teken.local").subject(VERIFIER).groups("VERIFIKATOR").expiresIn(300).sign())
                .contentType(ContentType.JSON);
    }

    @Test
    void signHashes_produceVerifiableSignatures_andWrongPassphrasesLockTheCredential() throws Exception {
        String nip = "198503152010011001";
        String email = "budi.sign@ponorogo.go.id";
        issue(nip, "3502011503850001", "Budi Santoso", email);
        byte[] data = "isi dokumen".getBytes(StandardCharsets.UTF_8);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);

        Response signed = internal().body(signRequest(nip, digest, PASSPHRASE)).post("/internal/v1/sign-hashes");
        signed.then().statusCode(200).body("signatureAlgorithm", equalTo("SHA256withRSA")).body("certificateChain.size()", equalTo(3));
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(signed.jsonPath().getString("certificateChain[0]").getBytes(StandardCharsets.US_ASCII)));
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(leaf.getPublicKey());
        verify.update(data);
        assertThat(verify.verify(Base64.getDecoder().decode(signed.jsonPath().getString("signatures[0]")))).isTrue();

        // A batch: several digests, one passphrase check; each signature verifies over its own data.
        byte[][] datas = {"satu".getBytes(StandardCharsets.UTF_8), "dua".getBytes(StandardCharsets.UTF_8), "tiga".getBytes(StandardCharsets.UTF_8)};
        java.util.List<String> digests = new java.util.ArrayList<>();
        for (byte[] d : datas) {
            digests.add(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(d)));
        }
        Response batch = internal().body(Map.of("nip", nip, "digests", digests, "digestAlgorithm", "SHA-256", "passphrase", PASSPHRASE))
                .post("/internal/v1/sign-hashes");
        batch.then().statusCode(200).body("signatures.size()", equalTo(3)).body("certificateChain.size()", equalTo(3));
        for (int i = 0; i < 3; i++) {
            verify.initVerify(leaf.getPublicKey());
            verify.update(datas[i]);
            assertThat(verify.verify(Base64.getDecoder().decode(batch.jsonPath().getString("signatures[" + i + "]")))).isTrue();
        }
        assertThat(batch.jsonPath().getList("timestampTokens")).as("not asked for").isEmpty();
        assertThat(batch.jsonPath().getString("ocspResponse")).isNull();

        // B-LT in one round trip: a time-stamp token over each signature value, then the signer's OCSP answer.
        Response evidence = internal().body(Map.of("nip", nip, "digests", digests, "digestAlgorithm", "SHA-256", "passphrase", PASSPHRASE,
                "timestamps", true, "ocsp", true)).post("/internal/v1/sign-hashes");
        evidence.then().statusCode(200).body("signatures.size()", equalTo(3)).body("timestampTokens.size()", equalTo(3));
        java.util.Date latestToken = null;
        for (int i = 0; i < 3; i++) {
            byte[] value = Base64.getDecoder().decode(evidence.jsonPath().getString("signatures[" + i + "]"));
            org.bouncycastle.tsp.TimeStampToken token = new org.bouncycastle.tsp.TimeStampToken(new org.bouncycastle.cms.CMSSignedData(
                    Base64.getDecoder().decode(evidence.jsonPath().getString("timestampTokens[" + i + "]"))));
            assertThat(token.getTimeStampInfo().getMessageImprintDigest()).as("over the signature value")
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(value));
            X509Certificate tsa = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                    ((org.bouncycastle.cert.X509CertificateHolder) token.getCertificates().getMatches(token.getSID()).iterator().next()).getEncoded()));
            token.validate(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            latestToken = token.getTimeStampInfo().getGenTime();
        }
        org.bouncycastle.cert.ocsp.BasicOCSPResp ocsp = (org.bouncycastle.cert.ocsp.BasicOCSPResp) new org.bouncycastle.cert.ocsp.OCSPResp(
                Base64.getDecoder().decode(evidence.jsonPath().getString("ocspResponse"))).getResponseObject();
        assertThat(ocsp.getResponses()).hasSize(1);
        assertThat(ocsp.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(leaf.getSerialNumber());
        assertThat(ocsp.getResponses()[0].getCertStatus()).as("good").isNull();
        assertThat(ocsp.getProducedAt()).as("the revocation answer is not older than the time stamps").isAfterOrEqualTo(
                new java.util.Date(latestToken.getTime() / 1000 * 1000));
        assertThat(ocsp.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .build(ocsp.getCerts()[0]))).isTrue();
        internal().body(Map.of("nip", nip, "digests", java.util.List.of(), "digestAlgorithm", "SHA-256", "passphrase", PASSPHRASE))
                .post("/internal/v1/sign-hashes").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        internal().body(Map.of("nip", nip, "digests", java.util.Collections.nCopies(101, digests.get(0)), "digestAlgorithm", "SHA-256",
                "passphrase", PASSPHRASE)).post("/internal/v1/sign-hashes").then().statusCode(400);
        internal().body(Map.of("nip", nip, "digests", java.util.List.of("!!"), "digestAlgorithm", "SHA-256", "passphrase", PASSPHRASE))
                .post("/internal/v1/sign-hashes").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        internal().post("/internal/v1/sign-hashes").then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        given().contentType(ContentType.JSON).body(Map.of("nip", nip, "digests", digests, "digestAlgorithm", "SHA-256", "passphrase", PASSPHRASE))
                .post("/internal/v1/sign-hashes").then().statusCode(401);

        // The signer's certificate, as signing-service asks for it before signing.
        internal().get("/internal/v1/signing-certificates/" + nip).then().statusCode(200).body("status", equalTo("ISSUE"))
                .body("locked", equalTo(false)).body("certificateChain.size()", equalTo(3));
        given().get("/internal/v1/signing-certificates/" + nip).then().statusCode(401);
        internal().get("/internal/v1/signing-certificates/123").then().statusCode(400);
        internal().get("/internal/v1/signing-certificates/199912312020121001").then().statusCode(404);

        // Service authentication and bad input.
        given().contentType(ContentType.JSON).body(signRequest(nip, digest, PASSPHRASE)).post("/internal/v1/sign-hashes")
                .then().statusCode(401).body("code", equalTo("SERVICE_UNAUTHENTICATED"));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(signRequest(nip, digest, PASSPHRASE))
                .post("/internal/v1/sign-hashes").then().statusCode(401);
        internal().body(Map.of("nip", nip, "digests", java.util.List.of("!!"), "digestAlgorithm", "SHA-256", "passphrase", "x")).post("/internal/v1/sign-hashes")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        internal().body(signRequest(nip, new byte[20], PASSPHRASE)).post("/internal/v1/sign-hashes").then().statusCode(400);
        internal().post("/internal/v1/sign-hashes").then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        internal().body(signRequest("199912312020121001", digest, PASSPHRASE)).post("/internal/v1/sign-hashes")
                .then().statusCode(404).body("code", equalTo("CERTIFICATE_NOT_FOUND"));

        // Wrong passphrases: distinct error with the tries left, then a lock, a mail, and a distinct locked error.
        internal().body(Map.of("nip", nip, "digests", digests, "digestAlgorithm", "SHA-256", "passphrase", "Salah#Batch1"))
                .post("/internal/v1/sign-hashes").then().statusCode(400).body("code", equalTo("PASSPHRASE_WRONG"))
                .body("detail", containsString("Sisa percobaan: 4"));
        for (int i = 3; i >= 1; i--) {
            String body = internal().body(signRequest(nip, digest, "Salah#Sekali" + i)).post("/internal/v1/sign-hashes")
                    .then().statusCode(400).body("code", equalTo("PASSPHRASE_WRONG"))
                    .body("detail", containsString("Sisa percobaan: " + i)).extract().asString();
            assertThat(body).doesNotContain("Salah#Sekali");
        }
        internal().body(signRequest(nip, digest, "Salah#Sekali0")).post("/internal/v1/sign-hashes")
                .then().statusCode(423).body("code", equalTo("CREDENTIAL_LOCKED")).header("Retry-After", notNullValue());
        internal().body(signRequest(nip, digest, PASSPHRASE)).post("/internal/v1/sign-hashes")
                .then().statusCode(423).body("code", equalTo("CREDENTIAL_LOCKED"));
        assertThat(new MailInbox(mailApi).await(email, 4, Duration.ofSeconds(30))).extracting(MailInbox.Message::subject)
                .anyMatch(s -> s.contains("Terkunci"));

        // When the lock has passed, the right passphrase works again and clears the count.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE passphrase_attempt SET locked_until = now() - interval '1 second' WHERE credential_id IN "
                        + "(SELECT id FROM credential WHERE nip = ?1)").setParameter(1, nip).executeUpdate());
        internal().body(signRequest(nip, digest, PASSPHRASE)).post("/internal/v1/sign-hashes").then().statusCode(200);
        internal().body(signRequest(nip, digest, "Salah#Lagi1")).post("/internal/v1/sign-hashes").then().statusCode(400)
                .body("detail", containsString("Sisa percobaan: 4"));
    }

    @Test
    void verifierSuspendsUnsuspendsAndRevokes_signingFollows_andOcspAgrees() throws Exception {
        String nip = "199007222015032002";
        String serial = issue(nip, "3502106207900002", "Siti Rahayu", "siti.sign@ponorogo.go.id");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("x".getBytes(StandardCharsets.UTF_8));

        given().contentType(ContentType.JSON).post("/api/v1/verifier/certificates/" + serial + "/suspend").then().statusCode(401);
        given().auth().oauth2(Jwt.issuer("https://teken.local").subject(nip).groups("ASN").expiresIn(300).sign())
                .contentType(ContentType.JSON).post("/api/v1/verifier/certificates/" + serial + "/suspend").then().statusCode(403);
        verifier().get("/api/v1/verifier/certificates?nip=" + nip).then().statusCode(200).body("[0].status", equalTo("ISSUE"));
        verifier().get("/api/v1/verifier/certificates?nip=abc").then().statusCode(400);
        verifier().body(Map.of("alasan", "pemeriksaan")).post("/api/v1/verifier/certificates/FFFF/suspend").then().statusCode(404);

        verifier().body(Map.of("alasan", "pemeriksaan")).post("/api/v1/verifier/certificates/" + serial + "/suspend")
                .then().statusCode(200).body("status", equalTo("SUSPEND"));
        internal().body(signRequest(nip, digest, PASSPHRASE)).post("/internal/v1/sign-hashes").then().statusCode(409)
                .body("code", equalTo("CERTIFICATE_NOT_ACTIVE")).body("detail", containsString("SUSPEND"));
        assertThat(TopicReader.await(kafka, Topics.CERTIFICATE_SUSPENDED.name(), r -> r.value().contains(serial), 1,
                Duration.ofSeconds(30))).hasSize(1);
        assertThat(ocsp(serial)).contains("revoked").contains("certificateHold");

        verifier().post("/api/v1/verifier/certificates/" + serial + "/unsuspend").then().statusCode(200).body("status", equalTo("ISSUE"));
        internal().body(signRequest(nip, digest, PASSPHRASE)).post("/internal/v1/sign-hashes").then().statusCode(200);
        assertThat(ocsp(serial)).contains(": good");

        verifier().body(Map.of("alasan", "superseded")).post("/api/v1/verifier/certificates/" + serial + "/revoke")
                .then().statusCode(400).body("code", equalTo("REASON_INVALID"));
        verifier().post("/api/v1/verifier/certificates/" + serial + "/revoke").then().statusCode(400);
        verifier().body(Map.of("alasan", "keyCompromise")).post("/api/v1/verifier/certificates/" + serial + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKE")).body("revocationReason", equalTo("keyCompromise"));
        internal().body(signRequest(nip, digest, PASSPHRASE)).post("/internal/v1/sign-hashes").then().statusCode(409);
        assertThat(ocsp(serial)).contains("revoked").contains("keyCompromise");
        verifier().post("/api/v1/verifier/certificates/" + serial + "/unsuspend").then().statusCode(409);

        Number audited = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM verifier_audit WHERE serial_number = ?1 AND actor_nip = ?2").setParameter(1, serial)
                .setParameter(2, VERIFIER).getSingleResult());
        assertThat(audited.intValue()).isEqualTo(3);
    }

    @Test
    void expiryJob_marksExpired_andAnnouncesIt() throws Exception {
        String nip = "199511052022022001";
        String serial = issue(nip, "3502154511950003", "Dewi Lestari", "dewi.sign@ponorogo.go.id");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE credential SET not_after = now() - interval '1 minute' WHERE serial_number = ?1").setParameter(1, serial).executeUpdate());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (TopicReader.await(kafka, Topics.CERTIFICATE_EXPIRED.name(), r -> r.value().contains(serial), 1, Duration.ofSeconds(2)).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        verifier().get("/api/v1/verifier/certificates?nip=" + nip).then().statusCode(200).body("[0].status", equalTo("EXPIRED"));
    }

    @Test
    void renewal_isOnlyForCertificatesNearTheirEnd_andReKeysLikeAReset() throws Exception {
        String nip = "199304182023031007";
        String email = "andi.sign@ponorogo.go.id";
        String serial = issue(nip, "3502071804930007", "Andi Wijaya", email);
        String token = Jwt.issuer("https://teken.local").subject(nip).groups("ASN").expiresIn(300).sign();
        given().auth().oauth2(token).post("/api/v1/me/certificate/renewal").then().statusCode(409).body("code", equalTo("RENEWAL_NOT_DUE"));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE credential SET not_after = now() + interval '10 days' WHERE serial_number = ?1").setParameter(1, serial).executeUpdate());
        given().auth().oauth2(token).post("/api/v1/me/certificate/renewal").then().statusCode(202);
        assertThat(TopicReader.await(kafka, Topics.CERTIFICATE_RENEWAL_REQUESTED.name(), r -> r.value().contains(serial), 1,
                Duration.ofSeconds(30))).hasSize(1);
        MailInbox.Message mail = new MailInbox(mailApi).await(email, 4, Duration.ofSeconds(30)).stream()
                .filter(m -> m.subject().contains("Perbarui")).findFirst().orElseThrow();
        String link = mail.link("/passphrase/").orElseThrow();
        String renewed = given().contentType(ContentType.JSON).body(Map.of("passphrase", "Sawah!Padi8Ngebel", "setujuPerjanjianPemilik", true))
                .post("/api/v1/passphrase-links/" + link.substring(link.lastIndexOf('/') + 1)).then().statusCode(200)
                .body("serialNumberDicabut", equalTo(serial)).extract().jsonPath().getString("serialNumber");
        assertThat(renewed).isNotEqualTo(serial);
        given().post("/api/v1/me/certificate/renewal").then().statusCode(401);
    }

    private String ocsp(String serial) throws Exception {
        String chain = given().get("/pki/ca").then().statusCode(200).extract().asString();
        int split = chain.indexOf("-----BEGIN CERTIFICATE-----", 10);
        Path issuing = Files.writeString(Files.createTempFile("issuing", ".pem"), chain.substring(0, split));
        Path root = Files.writeString(Files.createTempFile("root", ".pem"), chain.substring(split));
        Openssl.Result result = Openssl.run("ocsp", "-issuer", issuing.toString(), "-serial", "0x" + serial, "-url",
                "http://localhost:" + io.restassured.RestAssured.port + "/pki/ocsp", "-CAfile", root.toString(),
                "-verify_other", issuing.toString());
        assertThat(result.output()).contains("Response verify OK");
        return result.output();
    }
}
