package id.teken.certificate.adapter.in;

import id.teken.certificate.support.Subscribers;
import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.MailInbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.teken.certificate.support.Subscribers.PASSPHRASE;
import static id.teken.certificate.support.Subscribers.internal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * BSrE's sign TOTP with the key still opened only by its owner: a system client asks (internal API), the signer gets a
 * mail with a code and a link, approves on the link's page with the passphrase, and the client's code then stands for a
 * SAD of that many signatures on that client's channel only. Codes before the approval, wrong codes, other clients,
 * replays, parallel approvals and expired links are refused.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class SigningApprovalTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    record Mailed(String token, String code) {
    }

    Mailed ask(String nip, String email, String client, int signatures) {
        MailInbox inbox = new MailInbox(mailApi);
        // Other mails (the certificate's "Terbit" notice) may still be arriving: count the approval mails only.
        long before = approvalMails(inbox, email).size();
        internal().body(Map.of("nip", nip, "channel", "client:" + client, "clientName", client, "signatures", signatures))
                .post("/internal/v1/signing-approvals").then().statusCode(200);
        MailInbox.Message mail = newest(() -> approvalMails(inbox, email), before);
        assertThat(mail.subject()).contains(client);
        Matcher code = Pattern.compile("Kode TOTP: ([0-9]{6})").matcher(mail.text());
        assertThat(code.find()).isTrue();
        return new Mailed(Subscribers.token(mail.link("/persetujuan/").orElseThrow()), code.group(1));
    }

    /** The newest of the mails once there are more than {@code before} (20 s at most). */
    static MailInbox.Message newest(java.util.function.Supplier<List<MailInbox.Message>> mails, long before) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<MailInbox.Message> now = mails.get();
        while (now.size() <= before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            now = mails.get();
        }
        assertThat(now).hasSizeGreaterThan((int) before);
        return now.get(now.size() - 1);
    }

    static List<MailInbox.Message> approvalMails(MailInbox inbox, String email) {
        return inbox.messages(email).stream().filter(m -> m.subject().contains("Persetujuan Tanda Tangan")).toList();
    }

    static String digest(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
    }

    @Test
    void theSignerApproves_thenTheClientsCodeSignsThatMany_throughThatClientOnly() throws Exception {
        String nip = Subscribers.freshNip();
        String email = "totp." + nip + "@ponorogo.go.id";
        Subscribers.issue(kafka, mailApi, nip, email);
        Mailed asked = ask(nip, email, "persuratan", 2);

        // Before the approval the code stands for nothing.
        internal().body(Map.of("nip", nip, "channel", "client:persuratan", "code", asked.code()))
                .post("/internal/v1/signing-approvals/redeem").then().statusCode(409).body("code", equalTo("APPROVAL_PENDING"));
        given().get("/api/v1/signing-approvals/" + asked.token()).then().statusCode(200).body("aplikasi", equalTo("persuratan"))
                .body("jumlahDokumen", equalTo(2)).body("status", equalTo("MENUNGGU")).body("nama", equalTo("Penguji Kunci"));

        // A wrong passphrase on the page is refused (and counted on that client's channel); then three approvals at once: one wins.
        given().contentType(ContentType.JSON).body(Map.of("passphrase", "Salah#Sekali9")).post("/api/v1/signing-approvals/" + asked.token())
                .then().statusCode(400).body("code", equalTo("PASSPHRASE_WRONG"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> answers;
        try {
            answers = pool.invokeAll(Collections.nCopies(3, (Callable<Integer>) () -> given().contentType(ContentType.JSON)
                    .body(Map.of("passphrase", PASSPHRASE)).post("/api/v1/signing-approvals/" + asked.token()).statusCode()));
        } finally {
            pool.shutdown();
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        assertThat(codes).containsOnlyOnce(200).filteredOn(c -> c != 200).allMatch(c -> c == 410);
        given().get("/api/v1/signing-approvals/" + asked.token()).then().statusCode(200).body("status", equalTo("DISETUJUI"));

        // Another client, or the owner's channel, cannot use the code.
        internal().body(Map.of("nip", nip, "channel", "client:lain", "code", asked.code()))
                .post("/internal/v1/signing-approvals/redeem").then().statusCode(400).body("code", equalTo("CODE_WRONG"));
        String sad = internal().body(Map.of("nip", nip, "channel", "client:persuratan", "code", asked.code()))
                .post("/internal/v1/signing-approvals/redeem").then().statusCode(200).extract().path("sad");
        // Two signatures, through that client's channel only.
        internal().body(Map.of("nip", nip, "digests", List.of(digest("a")), "digestAlgorithm", "SHA-256", "channel", "owner", "sad", sad))
                .post("/internal/v1/sign-hashes").then().statusCode(410);
        internal().body(Map.of("nip", nip, "digests", List.of(digest("a"), digest("b")), "digestAlgorithm", "SHA-256",
                "channel", "client:persuratan", "sad", sad)).post("/internal/v1/sign-hashes").then().statusCode(200);
        internal().body(Map.of("nip", nip, "digests", List.of(digest("c")), "digestAlgorithm", "SHA-256",
                "channel", "client:persuratan", "sad", sad)).post("/internal/v1/sign-hashes").then().statusCode(410);
    }

    @Test
    void guessedCodes_closeTheRequest_andBadLinksAndRequestsAreRefused() {
        String nip = Subscribers.freshNip();
        String email = "tebak." + nip + "@ponorogo.go.id";
        Subscribers.issue(kafka, mailApi, nip, email);
        Mailed asked = ask(nip, email, "arsip", 1);
        String wrong = asked.code().equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            internal().body(Map.of("nip", nip, "channel", "client:arsip", "code", wrong))
                    .post("/internal/v1/signing-approvals/redeem").then().statusCode(400).body("code", equalTo("CODE_WRONG"));
        }
        given().get("/api/v1/signing-approvals/" + asked.token()).then().statusCode(410).body("code", equalTo("LINK_USED"));
        internal().body(Map.of("nip", nip, "channel", "client:arsip", "code", asked.code()))
                .post("/internal/v1/signing-approvals/redeem").then().statusCode(400).body("code", equalTo("CODE_WRONG"));
        for (String code : new String[] {"", "12345", "abcdef", "1234567"}) {
            internal().body(Map.of("nip", nip, "channel", "client:arsip", "code", code))
                    .post("/internal/v1/signing-approvals/redeem").then().statusCode(400).body("code", equalTo("CODE_WRONG"));
        }

        given().get("/api/v1/signing-approvals/" + "A".repeat(43)).then().statusCode(404).body("code", equalTo("LINK_UNKNOWN"));
        given().get("/api/v1/signing-approvals/bukan-token").then().statusCode(404);
        given().contentType(ContentType.JSON).post("/api/v1/signing-approvals/" + "A".repeat(43)).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"passphrase\":").post("/api/v1/signing-approvals/" + "A".repeat(43)).then()
                .statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));

        internal().body(Map.of("nip", nip, "channel", "owner", "clientName", "x", "signatures", 1))
                .post("/internal/v1/signing-approvals").then().statusCode(400);
        internal().body(Map.of("nip", nip, "channel", "client:arsip", "clientName", "arsip", "signatures", 0))
                .post("/internal/v1/signing-approvals").then().statusCode(400);
        internal().body(Map.of("nip", Subscribers.freshNip(), "channel", "client:arsip", "clientName", "arsip", "signatures", 1))
                .post("/internal/v1/signing-approvals").then().statusCode(409).body("code", equalTo("NO_CERTIFICATE"));
        given().contentType(ContentType.JSON).body(Map.of("nip", nip, "channel", "client:arsip", "clientName", "arsip", "signatures", 1))
                .post("/internal/v1/signing-approvals").then().statusCode(401);
        // At most five requests an hour per signer and client.
        for (int i = 0; i < 4; i++) {
            internal().body(Map.of("nip", nip, "channel", "client:arsip", "clientName", "arsip", "signatures", 1))
                    .post("/internal/v1/signing-approvals").then().statusCode(200);
        }
        internal().body(Map.of("nip", nip, "channel", "client:arsip", "clientName", "arsip", "signatures", 1))
                .post("/internal/v1/signing-approvals").then().statusCode(429).body("code", equalTo("TOO_MANY_ATTEMPTS"));
    }

    /** Asks for a second-factor code (a client whose TOTP goes with the passphrase) and reads it from the mail. */
    String askCode(String nip, String email, String client, int signatures) {
        MailInbox inbox = new MailInbox(mailApi);
        long before = codeMails(inbox, email).size();
        internal().body(Map.of("nip", nip, "channel", "client:" + client, "clientName", client, "signatures", signatures,
                "withPassphrase", true)).post("/internal/v1/signing-approvals").then().statusCode(200);
        MailInbox.Message mail = newest(() -> codeMails(inbox, email), before);
        assertThat(mail.link("/persetujuan/")).as("a second factor has no approval link").isEmpty();
        Matcher code = Pattern.compile("Kode TOTP: ([0-9]{6})").matcher(mail.text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    static List<MailInbox.Message> codeMails(MailInbox inbox, String email) {
        return inbox.messages(email).stream().filter(m -> m.subject().contains("Kode TOTP Tanda Tangan")).toList();
    }

    static Map<String, Object> authorizeWith(String nip, String client, String passphrase, String code, int signatures) {
        return Map.of("nip", nip, "channel", "client:" + client, "passphrase", passphrase, "signatures", signatures, "code", code);
    }

    @Test
    void aSecondFactorCode_withThePassphrase_opensTheKeyOnce_andNeverAlone() throws Exception {
        String nip = Subscribers.freshNip();
        String email = "faktor." + nip + "@ponorogo.go.id";
        Subscribers.issue(kafka, mailApi, nip, email);
        String code = askCode(nip, email, "eoffice", 1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        // Alone it is nothing: not a signing approval's code.
        internal().body(Map.of("nip", nip, "channel", "client:eoffice", "code", code))
                .post("/internal/v1/signing-approvals/redeem").then().statusCode(400).body("code", equalTo("CODE_WRONG"));
        // A wrong code is refused before the passphrase is looked at; more documents than asked for too.
        internal().body(authorizeWith(nip, "eoffice", PASSPHRASE, wrong, 1)).post("/internal/v1/authorizations").then()
                .statusCode(400).body("code", equalTo("CODE_WRONG"));
        internal().body(authorizeWith(nip, "eoffice", PASSPHRASE, code, 2)).post("/internal/v1/authorizations").then()
                .statusCode(400).body("code", equalTo("CODE_WRONG"));
        // Another client cannot use it.
        internal().body(authorizeWith(nip, "lain", PASSPHRASE, code, 1)).post("/internal/v1/authorizations").then()
                .statusCode(400).body("code", equalTo("CODE_WRONG"));
        // Three at once with the right code and passphrase: one SAD.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> answers;
        try {
            answers = pool.invokeAll(Collections.nCopies(3, (Callable<Integer>) () -> internal()
                    .body(authorizeWith(nip, "eoffice", PASSPHRASE, code, 1)).post("/internal/v1/authorizations").statusCode()));
        } finally {
            pool.shutdown();
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        assertThat(codes).containsOnlyOnce(200).filteredOn(c -> c != 200).allMatch(c -> c == 400);

        // A right code with a wrong passphrase: the code is spent and the passphrase counted.
        String second = askCode(nip, email, "eoffice", 1);
        internal().body(authorizeWith(nip, "eoffice", "Salah#Sekali9", second, 1)).post("/internal/v1/authorizations").then()
                .statusCode(400).body("code", equalTo("PASSPHRASE_WRONG"));
        internal().body(authorizeWith(nip, "eoffice", PASSPHRASE, second, 1)).post("/internal/v1/authorizations").then()
                .statusCode(400).body("code", equalTo("CODE_WRONG"));
    }
}
