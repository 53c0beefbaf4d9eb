package id.teken.certificate.adapter.in;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.MailInbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.teken.certificate.support.Subscribers.as;
import static id.teken.certificate.support.Subscribers.internal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Seals (segel elektronik): an ADMIN creates one for a unit, its certificate names the unit; a client activates it by the
 * code mailed to the unit, asks with that code for a seal TOTP, and the TOTP opens the seal's key for that many signatures
 * through that client only. Wrong codes close the activation; spent codes, other clients, parallel spends and revoked seals
 * are refused; the revocation is on the CRL.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class SealTest {

    static final String ADMIN = "198802292012052004";

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    record Seal(String id, String email, String serial) {
    }

    Seal create(String unit) {
        String email = "segel." + UUID.randomUUID().toString().substring(0, 8) + "@ponorogo.go.id";
        var created = as(ADMIN, "ADMIN").body(Map.of("unitName", unit, "email", email)).post("/api/v1/admin/seals").then().statusCode(201)
                .body("status", equalTo("ISSUE")).body("idSubscriber", startsWith("SEGEL-")).extract();
        assertThat(created.<String>path("subjectDn")).contains("CN=" + unit).contains("O=Pemerintah Kabupaten Ponorogo");
        return new Seal(created.path("idSubscriber"), email, created.path("serialNumber"));
    }

    static String unit() {
        return "Dinas Uji " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Asks for an activation mail and reads the code from it. */
    String activate(Seal seal, String client) {
        MailInbox inbox = new MailInbox(mailApi);
        int before = inbox.messages(seal.email()).size();
        internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:" + client, "clientName", client))
                .post("/internal/v1/seals/activation").then().statusCode(200).body("mailed", equalTo(true));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<MailInbox.Message> mails = inbox.messages(seal.email());
        while (mails.size() <= before && System.nanoTime() < deadline) {
            sleep(200);
            mails = inbox.messages(seal.email());
        }
        MailInbox.Message mail = mails.get(mails.size() - 1);
        assertThat(mail.subject()).contains("Aktivasi Segel Elektronik").contains(client);
        Matcher code = Pattern.compile("TOTP Aktivasi: ([0-9]{8})").matcher(mail.text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    static String totp(Seal seal, String client, String activation, int documents) {
        return internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:" + client, "activationCode", activation,
                "documents", documents)).post("/internal/v1/seals/totp").then().statusCode(200).extract().path("totp");
    }

    static io.restassured.response.ValidatableResponse redeem(Seal seal, String client, String totp, int signatures) {
        return internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:" + client, "totp", totp, "signatures", signatures))
                .post("/internal/v1/seals/redeem").then();
    }

    @Test
    void aSealsTotp_opensItsKeyForThatMany_andTheSignatureVerifiesWithTheUnitsCertificate() throws Exception {
        String unit = unit();
        Seal seal = create(unit);
        String activation = activate(seal, "persuratan");
        // A refresh with the code renews it and answers it again.
        internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:persuratan", "code", activation))
                .post("/internal/v1/seals/activation").then().statusCode(200).body("code", equalTo(activation)).body("mailed", equalTo(false));

        String code = totp(seal, "persuratan", activation, 2);
        assertThat(code).matches("[0-9]{6}");
        // Another client has no activation: neither its TOTP nor the redemption of this client's code.
        internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:lain", "activationCode", activation, "documents", 1))
                .post("/internal/v1/seals/totp").then().statusCode(409).body("code", equalTo("SEAL_NOT_ACTIVATED"));
        redeem(seal, "lain", code, 1).statusCode(409).body("code", equalTo("SEAL_NOT_ACTIVATED"));
        // More documents than the code was for: refused, and nothing spent.
        redeem(seal, "persuratan", code, 3).statusCode(400).body("code", equalTo("CODE_WRONG"));

        String sad = redeem(seal, "persuratan", code, 2).statusCode(200).body("serialNumber", equalTo(seal.serial())).extract().path("sad");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("Surat Dinas Kominfo".getBytes(StandardCharsets.UTF_8));
        String b64 = Base64.getEncoder().encodeToString(digest);
        // The SAD is bound to the seal: not another owner's.
        internal().body(Map.of("nip", "199001012020011001", "sad", sad, "digests", List.of(b64), "digestAlgorithm", "SHA-256",
                "channel", "client:persuratan")).post("/internal/v1/sign-hashes").then().statusCode(410);
        var signed = internal().body(Map.of("nip", "seal:" + seal.id(), "sad", sad, "digests", List.of(b64, b64), "digestAlgorithm", "SHA-256",
                "channel", "client:persuratan")).post("/internal/v1/sign-hashes").then().statusCode(200).extract();
        List<String> chain = internal().get("/internal/v1/seals/" + seal.id()).then().statusCode(200)
                .body("unitName", equalTo(unit)).body("status", equalTo("ISSUE")).extract().path("certificateChain");
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(chain.get(0).getBytes(StandardCharsets.US_ASCII)));
        assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=" + unit);
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(leaf);
        verify.update("Surat Dinas Kominfo".getBytes(StandardCharsets.UTF_8));
        assertThat(verify.verify(Base64.getDecoder().decode(signed.<List<String>>path("signatures").get(0)))).isTrue();

        // Spent: the code stands for nothing more.
        redeem(seal, "persuratan", code, 1).statusCode(400).body("code", equalTo("CODE_WRONG"));
    }

    @Test
    void parallelSpendsOfAOneDocumentCode_oneWins() throws Exception {
        Seal seal = create(unit());
        String activation = activate(seal, "paralel");
        String code = totp(seal, "paralel", activation, 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers;
        try {
            answers = pool.invokeAll(Collections.nCopies(4, (Callable<Integer>) () -> internal().body(Map.of("idSubscriber", seal.id(),
                    "channel", "client:paralel", "totp", code, "signatures", 1)).post("/internal/v1/seals/redeem").statusCode()));
        } finally {
            pool.shutdown();
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        assertThat(codes).containsOnlyOnce(200).filteredOn(c -> c != 200).allMatch(c -> c == 400);
    }

    @Test
    void wrongCodes_closeTheActivation_andANewMailIsNeeded() {
        Seal seal = create(unit());
        String activation = activate(seal, "tebak");
        String wrong = activation.equals("00000000") ? "11111111" : "00000000";
        for (int i = 0; i < 4; i++) {
            internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:tebak", "activationCode", wrong, "documents", 1))
                    .post("/internal/v1/seals/totp").then().statusCode(400).body("code", equalTo("CODE_WRONG"));
        }
        internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:tebak", "activationCode", wrong, "documents", 1))
                .post("/internal/v1/seals/totp").then().statusCode(409).body("code", equalTo("SEAL_NOT_ACTIVATED"));
        // Closed: the right code no longer works either.
        internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:tebak", "activationCode", activation, "documents", 1))
                .post("/internal/v1/seals/totp").then().statusCode(409).body("code", equalTo("SEAL_NOT_ACTIVATED"));
        // A second activation mail within the minute is refused (the unit's mailbox is not flooded).
        activate(seal, "tebak2");
        internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:tebak2", "clientName", "tebak2"))
                .post("/internal/v1/seals/activation").then().statusCode(429).body("code", equalTo("TOO_MANY_ATTEMPTS"));
    }

    @Test
    void aRevokedSeal_isOnTheCrl_andSealsNoMore() throws Exception {
        Seal seal = create(unit());
        String activation = activate(seal, "cabut");
        String code = totp(seal, "cabut", activation, 1);
        as("197812012005041003", "VERIFIKATOR").body(Map.of("alasan", "cessationOfOperation")).post("/api/v1/admin/seals/" + seal.id() + "/revoke")
                .then().statusCode(403);
        as(ADMIN, "ADMIN").body(Map.of("alasan", "bukanAlasan")).post("/api/v1/admin/seals/" + seal.id() + "/revoke")
                .then().statusCode(400).body("code", equalTo("REASON_INVALID"));
        as(ADMIN, "ADMIN").body(Map.of("alasan", "cessationOfOperation")).post("/api/v1/admin/seals/" + seal.id() + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKE")).body("revocationReason", equalTo("cessationOfOperation"));
        redeem(seal, "cabut", code, 1).statusCode(409).body("code", equalTo("CERTIFICATE_NOT_ACTIVE"));
        byte[] crl = given().get("/pki/crl").then().statusCode(200).extract().asByteArray();
        X509CRL list = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl));
        assertThat(list.getRevokedCertificate(new BigInteger(seal.serial(), 16))).isNotNull();

        // The unit's seal again: a new key and certificate under the same idSubscriber; the old activation is gone.
        String unit = internal().get("/internal/v1/seals/" + seal.id()).then().statusCode(200).extract().path("unitName");
        var renewed = as(ADMIN, "ADMIN").body(Map.of("unitName", unit, "email", seal.email())).post("/api/v1/admin/seals").then()
                .statusCode(201).body("idSubscriber", equalTo(seal.id())).body("status", equalTo("ISSUE")).extract();
        assertThat(renewed.<String>path("serialNumber")).isNotEqualTo(seal.serial());
        internal().body(Map.of("idSubscriber", seal.id(), "channel", "client:cabut", "activationCode", activation, "documents", 1))
                .post("/internal/v1/seals/totp").then().statusCode(409).body("code", equalTo("SEAL_NOT_ACTIVATED"));
    }

    @Test
    void theAdminRoutes_refuseOthers_andBadInput() {
        String unit = unit();
        given().contentType("application/json").body(Map.of("unitName", unit, "email", "a@ponorogo.go.id")).post("/api/v1/admin/seals")
                .then().statusCode(401);
        as("199001012020011001", "ASN").body(Map.of("unitName", unit, "email", "a@ponorogo.go.id")).post("/api/v1/admin/seals")
                .then().statusCode(403);
        as(ADMIN, "ADMIN").body(Map.of("unitName", unit, "email", "unit@gmail.com")).post("/api/v1/admin/seals")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        as(ADMIN, "ADMIN").body(Map.of("unitName", "x", "email", "unit@ponorogo.go.id")).post("/api/v1/admin/seals")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        as(ADMIN, "ADMIN").body(Map.of("unitName", "A".repeat(10_000), "email", "unit@ponorogo.go.id")).post("/api/v1/admin/seals")
                .then().statusCode(400);
        as(ADMIN, "ADMIN").body("{not json").post("/api/v1/admin/seals").then().statusCode(400);
        Seal seal = create(unit);
        as(ADMIN, "ADMIN").body(Map.of("unitName", unit.toUpperCase(), "email", "lain@ponorogo.go.id")).post("/api/v1/admin/seals")
                .then().statusCode(409).body("code", equalTo("SEAL_EXISTS"));
        as(ADMIN, "ADMIN").get("/api/v1/admin/seals").then().statusCode(200).body("find { it.idSubscriber == '" + seal.id() + "' }.unitName",
                equalTo(unit));
        as(ADMIN, "ADMIN").get("/api/v1/admin/seals/SEGEL-0000000000000000").then().statusCode(404).body("code", equalTo("SEAL_NOT_FOUND"));
        as(ADMIN, "ADMIN").get("/api/v1/admin/seals/' OR 1=1 --").then().statusCode(404);
        // The internal API wants the service token.
        given().contentType("application/json").body(Map.of("idSubscriber", seal.id(), "channel", "client:x"))
                .post("/internal/v1/seals/activation").then().statusCode(401);
        internal().body(Map.of("idSubscriber", seal.id(), "channel", "owner")).post("/internal/v1/seals/activation").then().statusCode(400);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
