package id.teken.certificate.adapter.in;

import id.teken.certificate.support.Subscribers;
import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.MailInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.security.KeyPairGenerator;

import static id.teken.certificate.support.Subscribers.PASSPHRASE;
import static id.teken.certificate.support.Subscribers.as;
import static id.teken.certificate.support.Subscribers.internal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The attacks on the passphrase lock and on revocation, with real parallel calls: wrong passphrases in parallel must not
 * get more tries than the limit; a system client's failures lock only that client; a revocation or suspension committed
 * while signatures are made stands; a passphrase link mailed before a suspension or revocation cannot issue afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class LockoutAndRaceTest {

    static final String VERIFIER = "197812012005041003";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    @Inject
    EntityManager em;

    static Map<String, Object> sign(String nip, String passphrase, String channel) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("dokumen " + System.nanoTime()).getBytes());
        return channel == null
                ? Map.of("nip", nip, "digests", List.of(Base64.getEncoder().encodeToString(digest)), "digestAlgorithm", "SHA-256",
                "passphrase", passphrase)
                : Map.of("nip", nip, "digests", List.of(Base64.getEncoder().encodeToString(digest)), "digestAlgorithm", "SHA-256",
                "passphrase", passphrase, "channel", channel);
    }

    /** Runs the calls at once (all released by one latch) and returns their answers. */
    static List<Response> parallel(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    int failedCount(String nip, String channel) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT coalesce(max(failed), 0) FROM passphrase_attempt WHERE channel = ?2 AND credential_id IN "
                        + "(SELECT id FROM credential WHERE nip = ?1)").setParameter(1, nip).setParameter(2, channel)
                .getSingleResult()).intValue());
    }

    @Test
    void twelveParallelWrongPassphrases_getAtMostFiveTries_andTheRightOneIsThenLockedOut() throws Exception {
        String nip = Subscribers.freshNip();
        String email = "paralel." + nip + "@ponorogo.go.id";
        Subscribers.issue(kafka, mailApi, nip, email);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "Tebak#Salah" + i;
            calls.add(() -> internal().body(sign(nip, guess, null)).post("/internal/v1/sign-hashes"));
        }
        List<Response> answers = parallel(calls);
        long wrong = answers.stream().filter(r -> r.statusCode() == 400).count();
        long locked = answers.stream().filter(r -> r.statusCode() == 423).count();
        long busy = answers.stream().filter(r -> r.statusCode() == 429).count();
        assertThat(wrong + locked + busy).as("every answer a refusal: " + answers.stream().map(Response::statusCode).toList())
                .isEqualTo(12);
        // Only five guesses were ever compared with the key: four told "wrong", the fifth locked it, the rest never tried.
        assertThat(wrong).isEqualTo(4);
        assertThat(failedCount(nip, "owner")).isEqualTo(5);
        internal().body(sign(nip, PASSPHRASE, null)).post("/internal/v1/sign-hashes").then().statusCode(423)
                .body("code", equalTo("CREDENTIAL_LOCKED"));
        internal().get("/internal/v1/signing-certificates/" + nip).then().statusCode(200).body("locked", equalTo(true));
        List<MailInbox.Message> mails = new MailInbox(mailApi).await(email, 4, Duration.ofSeconds(30));
        MailInbox.Message lockMail = mails.stream().filter(m -> m.subject().contains("Terkunci")).findFirst().orElseThrow();
        assertThat(mails.stream().filter(m -> m.subject().contains("Terkunci")).count()).as("one lock mail").isEqualTo(1);
        assertThat(lockMail.text()).contains("Verifikator TTE").doesNotContain("reset passphrase");
    }

    @Test
    void parallelRightPassphrases_allSign_withoutTouchingTheLock() throws Exception {
        String nip = Subscribers.freshNip();
        Subscribers.issue(kafka, mailApi, nip, "benar." + nip + "@ponorogo.go.id");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> internal().body(sign(nip, PASSPHRASE, null)).post("/internal/v1/sign-hashes"));
        }
        assertThat(parallel(calls)).extracting(Response::statusCode).containsOnly(200);
        assertThat(failedCount(nip, "owner")).isZero();
    }

    @Test
    void aSystemClientsWrongPassphrases_lockOnlyThatClient_notTheOwnersOwnUse() throws Exception {
        String nip = Subscribers.freshNip();
        String email = "klien." + nip + "@ponorogo.go.id";
        Subscribers.issue(kafka, mailApi, nip, email);
        for (int i = 0; i < 5; i++) {
            internal().body(sign(nip, "Tebak#Klien" + i, "client:persuratan")).post("/internal/v1/sign-hashes").then()
                    .statusCode(i < 4 ? 400 : 423);
        }
        internal().body(sign(nip, PASSPHRASE, "client:persuratan")).post("/internal/v1/sign-hashes").then().statusCode(423);
        internal().get("/internal/v1/signing-certificates/" + nip + "?channel=client:persuratan").then().body("locked", equalTo(true));
        // The owner, and another client, still sign.
        internal().body(sign(nip, PASSPHRASE, null)).post("/internal/v1/sign-hashes").then().statusCode(200);
        internal().body(sign(nip, PASSPHRASE, "client:kepegawaian")).post("/internal/v1/sign-hashes").then().statusCode(200);
        internal().get("/internal/v1/signing-certificates/" + nip).then().body("locked", equalTo(false));
        MailInbox.Message lockMail = new MailInbox(mailApi).await(email, 4, Duration.ofSeconds(30)).stream()
                .filter(m -> m.subject().contains("Terkunci")).findFirst().orElseThrow();
        assertThat(lockMail.text()).contains("persuratan").contains("tidak terpengaruh");
        // A lock of the owner's own use stops the clients too.
        for (int i = 0; i < 5; i++) {
            internal().body(sign(nip, "Tebak#Pemilik" + i, null)).post("/internal/v1/sign-hashes");
        }
        internal().body(sign(nip, PASSPHRASE, "client:kepegawaian")).post("/internal/v1/sign-hashes").then().statusCode(423);
    }

    static Map<String, Object> authorize(String nip, String passphrase, int signatures) {
        return Map.of("nip", nip, "passphrase", passphrase, "signatures", signatures);
    }

    static Map<String, Object> signWith(String nip, String sad, int digests, String channel) throws Exception {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < digests; i++) {
            list.add(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(("d" + i + System.nanoTime()).getBytes())));
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("nip", nip, "sad", sad, "digests", list, "digestAlgorithm", "SHA-256"));
        if (channel != null) {
            body.put("channel", channel);
        }
        return body;
    }

    @Test
    void anAuthorization_isForItsNipChannelAndCount_onceEach_andAParallelRaceForItsLastSignatureHasOneWinner() throws Exception {
        String nip = Subscribers.freshNip();
        Subscribers.issue(kafka, mailApi, nip, "sad." + nip + "@ponorogo.go.id");
        String other = Subscribers.freshNip();
        Subscribers.issue(kafka, mailApi, other, "sad2." + other + "@ponorogo.go.id");

        Response granted = internal().body(authorize(nip, PASSPHRASE, 3)).post("/internal/v1/authorizations");
        granted.then().statusCode(200).body("sad", notNullValue()).body("expiresAt", notNullValue());
        String sad = granted.jsonPath().getString("sad");
        assertThat(sad).hasSizeGreaterThanOrEqualTo(43);
        // Someone else's NIP, another channel, more signatures than granted: refused, and nothing is used up.
        internal().body(signWith(other, sad, 1, null)).post("/internal/v1/sign-hashes").then().statusCode(410)
                .body("code", equalTo("AUTHORIZATION_INVALID"));
        internal().body(signWith(nip, sad, 1, "client:aplikasi-lain")).post("/internal/v1/sign-hashes").then().statusCode(410);
        internal().body(signWith(nip, sad, 4, null)).post("/internal/v1/sign-hashes").then().statusCode(410);
        given().contentType(io.restassured.http.ContentType.JSON).body(signWith(nip, sad, 1, null)).post("/internal/v1/sign-hashes")
                .then().statusCode(401);
        // Two signatures, then a race of five calls for the last one: exactly one wins.
        internal().body(signWith(nip, sad, 2, null)).post("/internal/v1/sign-hashes").then().statusCode(200)
                .body("signatures.size()", equalTo(2));
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(() -> internal().body(signWith(nip, sad, 1, null)).post("/internal/v1/sign-hashes"));
        }
        List<Response> answers = parallel(calls);
        assertThat(answers).extracting(Response::statusCode).containsOnlyOnce(200).contains(410);
        internal().body(signWith(nip, sad, 1, null)).post("/internal/v1/sign-hashes").then().statusCode(410);
        internal().body(signWith(nip, "tebakan-acak-" + UUID.randomUUID(), 1, null)).post("/internal/v1/sign-hashes").then().statusCode(410);

        // Revoked before use: gone.
        String unused = internal().body(authorize(nip, PASSPHRASE, 1)).post("/internal/v1/authorizations").jsonPath().getString("sad");
        internal().delete("/internal/v1/authorizations/" + unused).then().statusCode(204);
        internal().body(signWith(nip, unused, 1, null)).post("/internal/v1/sign-hashes").then().statusCode(410);

        // Bad requests.
        internal().body(authorize(nip, PASSPHRASE, 0)).post("/internal/v1/authorizations").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        internal().body(authorize(nip, PASSPHRASE, 101)).post("/internal/v1/authorizations").then().statusCode(400);
        internal().body(Map.of("nip", "123", "passphrase", PASSPHRASE)).post("/internal/v1/authorizations").then().statusCode(400);
        internal().post("/internal/v1/authorizations").then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        given().contentType(io.restassured.http.ContentType.JSON).body(authorize(nip, PASSPHRASE, 1)).post("/internal/v1/authorizations")
                .then().statusCode(401);
        assertThat(failedCount(nip, "owner")).isZero();
    }

    @Test
    void anAuthorizationForHashes_signsThoseOnly_eachOnce_andItsLifeIsCapped() throws Exception {
        String nip = Subscribers.freshNip();
        Subscribers.issue(kafka, mailApi, nip, "csc." + nip + "@ponorogo.go.id");
        String first = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest("satu".getBytes()));
        String second = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest("dua".getBytes()));
        String stranger = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest("asing".getBytes()));
        Response granted = internal().body(Map.of("nip", nip, "passphrase", PASSPHRASE, "signatures", 2, "hashes", List.of(first, second),
                "lifetimeSeconds", 86_400)).post("/internal/v1/authorizations");
        granted.then().statusCode(200);
        String sad = granted.jsonPath().getString("sad");
        java.time.Instant until = java.time.Instant.parse(granted.jsonPath().getString("expiresAt"));
        assertThat(until).as("a day asked, five minutes given").isBefore(java.time.Instant.now().plusSeconds(301));
        assertThat(until).isAfter(java.time.Instant.now().plusSeconds(200));
        java.util.function.Function<List<String>, Map<String, Object>> sign = digests -> Map.of("nip", nip, "sad", sad,
                "digests", digests, "digestAlgorithm", "SHA-256");
        internal().body(sign.apply(List.of(stranger))).post("/internal/v1/sign-hashes").then().statusCode(410)
                .body("code", equalTo("AUTHORIZATION_INVALID"));
        internal().body(sign.apply(List.of(first, stranger))).post("/internal/v1/sign-hashes").then().statusCode(410);
        internal().body(sign.apply(List.of(first))).post("/internal/v1/sign-hashes").then().statusCode(200).body("signatures.size()", equalTo(1));
        internal().body(sign.apply(List.of(first))).post("/internal/v1/sign-hashes").then().statusCode(410);
        internal().body(sign.apply(List.of(second))).post("/internal/v1/sign-hashes").then().statusCode(200);
        internal().body(sign.apply(List.of(second))).post("/internal/v1/sign-hashes").then().statusCode(410);
        // Malformed: fewer hashes than signatures, not base64, a length no algorithm has, a non-positive life.
        internal().body(Map.of("nip", nip, "passphrase", PASSPHRASE, "signatures", 2, "hashes", List.of(first)))
                .post("/internal/v1/authorizations").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        internal().body(Map.of("nip", nip, "passphrase", PASSPHRASE, "signatures", 1, "hashes", List.of("%%%")))
                .post("/internal/v1/authorizations").then().statusCode(400);
        internal().body(Map.of("nip", nip, "passphrase", PASSPHRASE, "signatures", 1, "hashes", List.of("AAAA")))
                .post("/internal/v1/authorizations").then().statusCode(400);
        internal().body(Map.of("nip", nip, "passphrase", PASSPHRASE, "signatures", 1, "lifetimeSeconds", 0))
                .post("/internal/v1/authorizations").then().statusCode(400);
        assertThat(failedCount(nip, "owner")).isZero();
    }

    @Test
    void wrongPassphrasesToAuthorize_countAndLockLikeSignHash_andASuspensionAfterAnAuthorizationWins() throws Exception {
        String nip = Subscribers.freshNip();
        String serial = Subscribers.issue(kafka, mailApi, nip, "sadkunci." + nip + "@ponorogo.go.id");
        String sad = internal().body(authorize(nip, PASSPHRASE, 2)).post("/internal/v1/authorizations").jsonPath().getString("sad");
        as(VERIFIER, "VERIFIKATOR").body(Map.of("alasan", "pemeriksaan")).post("/api/v1/verifier/certificates/" + serial + "/suspend")
                .then().statusCode(200);
        internal().body(signWith(nip, sad, 1, null)).post("/internal/v1/sign-hashes").then().statusCode(409)
                .body("code", equalTo("CERTIFICATE_NOT_ACTIVE"));
        as(VERIFIER, "VERIFIKATOR").post("/api/v1/verifier/certificates/" + serial + "/unsuspend").then().statusCode(200);

        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "Tebak#Salah" + i;
            calls.add(() -> internal().body(authorize(nip, guess, 1)).post("/internal/v1/authorizations"));
        }
        List<Response> answers = parallel(calls);
        assertThat(answers.stream().filter(r -> r.statusCode() == 400).count()).as("four told wrong, the fifth locked it").isEqualTo(4);
        assertThat(failedCount(nip, "owner")).isEqualTo(5);
        internal().body(authorize(nip, PASSPHRASE, 1)).post("/internal/v1/authorizations").then().statusCode(423)
                .body("code", equalTo("CREDENTIAL_LOCKED"));
    }

    @Test
    void aRevocationCommittedWhileSignaturesAreMade_stands_andTheCrlAndOcspSayRevoked() throws Exception {
        String nip = Subscribers.freshNip();
        String serial = Subscribers.issue(kafka, mailApi, nip, "cabut." + nip + "@ponorogo.go.id");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String passphrase = i % 2 == 0 ? PASSPHRASE : "Tebak#Salah" + i;
            calls.add(() -> internal().body(sign(nip, passphrase, null)).post("/internal/v1/sign-hashes"));
        }
        calls.add(5, () -> as(VERIFIER, "VERIFIKATOR").body(Map.of("alasan", "keyCompromise"))
                .post("/api/v1/verifier/certificates/" + serial + "/revoke"));
        List<Response> answers = parallel(calls);
        assertThat(answers.get(5).statusCode()).as(answers.get(5).asString()).isEqualTo(200);
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT status, revocation_reason FROM credential WHERE serial_number = ?1").setParameter(1, serial).getSingleResult());
        assertThat(row).containsExactly("REVOKED", "KEY_COMPROMISE");
        internal().body(sign(nip, PASSPHRASE, null)).post("/internal/v1/sign-hashes").then().statusCode(409)
                .body("code", equalTo("CERTIFICATE_NOT_ACTIVE"));
        byte[] crl = given().get("/pki/crl").then().statusCode(200).extract().asByteArray();
        java.security.cert.X509CRL parsed = (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(crl));
        assertThat(parsed.getRevokedCertificate(new java.math.BigInteger(serial, 16))).isNotNull();
    }

    @Test
    void aSuspensionWhileWrongPassphrasesAreCounted_stands_andIsOnTheCrl() throws Exception {
        String nip = Subscribers.freshNip();
        String serial = Subscribers.issue(kafka, mailApi, nip, "tahan." + nip + "@ponorogo.go.id");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String guess = "Tebak#Salah" + i;
            calls.add(() -> internal().body(sign(nip, guess, null)).post("/internal/v1/sign-hashes"));
        }
        calls.add(3, () -> as(VERIFIER, "VERIFIKATOR").body(Map.of("alasan", "pemeriksaan"))
                .post("/api/v1/verifier/certificates/" + serial + "/suspend"));
        assertThat(parallel(calls).get(3).statusCode()).isEqualTo(200);
        as(VERIFIER, "VERIFIKATOR").get("/api/v1/verifier/certificates?nip=" + nip).then().statusCode(200)
                .body("[0].status", equalTo("SUSPEND"));
        byte[] crl = given().get("/pki/crl").then().statusCode(200).extract().asByteArray();
        java.security.cert.X509CRLEntry entry = ((java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(crl))).getRevokedCertificate(new java.math.BigInteger(serial, 16));
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.CERTIFICATE_HOLD);
    }

    @Test
    void aResetLinkMailedBeforeASuspension_isRefused_evenAfterTheSuspensionIsLifted() throws Exception {
        String nip = Subscribers.freshNip();
        String email = "reset." + nip + "@ponorogo.go.id";
        String serial = Subscribers.issue(kafka, mailApi, nip, email);
        as(nip, "ASN").post("/api/v1/me/certificate/passphrase-reset").then().statusCode(202);
        String link = new MailInbox(mailApi).await(email, 4, Duration.ofSeconds(30)).stream()
                .filter(m -> m.subject().contains("Reset")).flatMap(m -> m.link("/passphrase/").stream()).findFirst().orElseThrow();
        as(VERIFIER, "VERIFIKATOR").body(Map.of("alasan", "laporan kehilangan")).post("/api/v1/verifier/certificates/" + serial + "/suspend")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("passphrase", "Baru#Sekali9Ngebel", "setujuPerjanjianPemilik", true))
                .post("/api/v1/passphrase-links/" + Subscribers.token(link)).then().statusCode(410);
        // While suspended, the owner cannot ask for a new reset link either.
        as(nip, "ASN").post("/api/v1/me/certificate/passphrase-reset").then().statusCode(409);
        as(VERIFIER, "VERIFIKATOR").post("/api/v1/verifier/certificates/" + serial + "/unsuspend").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("passphrase", "Baru#Sekali9Ngebel", "setujuPerjanjianPemilik", true))
                .post("/api/v1/passphrase-links/" + Subscribers.token(link)).then().statusCode(410);
        as(VERIFIER, "VERIFIKATOR").get("/api/v1/verifier/certificates?nip=" + nip).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].serialNumber", equalTo(serial)).body("[0].status", equalTo("ISSUE"));
    }

    @Test
    void aVerifierCannotActOnTheirOwnCertificate_andTheRefusalIsAudited() throws Exception {
        String verifierNip = Subscribers.freshNip();
        String serial = Subscribers.issue(kafka, mailApi, verifierNip, "verif." + verifierNip + "@ponorogo.go.id");
        as("197812012005041003", "VERIFIKATOR").body(Map.of("alasan", "pemeriksaan"))
                .post("/api/v1/verifier/certificates/" + serial + "/suspend").then().statusCode(200);
        as(verifierNip, "ASN", "VERIFIKATOR").post("/api/v1/verifier/certificates/" + serial + "/unsuspend").then().statusCode(403)
                .body("code", equalTo("SELF_ACTION"));
        as(verifierNip, "ASN", "VERIFIKATOR").body(Map.of("alasan", "keyCompromise"))
                .post("/api/v1/verifier/certificates/" + serial + "/revoke").then().statusCode(403).body("code", equalTo("SELF_ACTION"));
        Number refused = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT count(*) FROM verifier_audit WHERE actor_nip = ?1 AND action LIKE 'REFUSED_SELF_%'").setParameter(1, verifierNip)
                .getSingleResult());
        assertThat(refused.intValue()).isEqualTo(2);
        as("197812012005041003", "VERIFIKATOR").get("/api/v1/verifier/certificates?nip=" + verifierNip).then()
                .body("[0].status", equalTo("SUSPEND"));
    }

    @Test
    void aKeySealedByAnEarlierVersion_signs_andIsResealedWithArgon2idOnThatUse() throws Exception {
        String nip = Subscribers.freshNip();
        String serial = Subscribers.issue(kafka, mailApi, nip, "lama." + nip + "@ponorogo.go.id");
        java.util.UUID credentialId = QuarkusTransaction.requiringNew().call(() -> (java.util.UUID) em.createNativeQuery(
                "SELECT id FROM credential WHERE serial_number = ?1").setParameter(1, serial).getSingleResult());
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        byte[] master = java.util.Base64.getDecoder().decode(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("teken.ca.master-key", String.class));
        byte[] old = id.teken.certificate.adapter.CertificateAuthorityTest.sealedTheOldWay(master, credentialId, g.generateKeyPair().getPrivate(), PASSPHRASE);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE credential SET sealed_key = ?1 WHERE id = ?2")
                .setParameter(1, old).setParameter(2, credentialId).executeUpdate());
        internal().body(sign(nip, PASSPHRASE, null)).post("/internal/v1/sign-hashes").then().statusCode(200);
        byte[] now = QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                "SELECT sealed_key FROM credential WHERE id = ?1").setParameter(1, credentialId).getSingleResult());
        assertThat(now[0]).as("re-sealed in format 2").isEqualTo((byte) 2);
        internal().body(sign(nip, PASSPHRASE, null)).post("/internal/v1/sign-hashes").then().statusCode(200);
        internal().body(sign(nip, "Salah#Passphrase1", null)).post("/internal/v1/sign-hashes").then().statusCode(400);
    }
}
