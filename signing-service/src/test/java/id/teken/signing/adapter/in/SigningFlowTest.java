package id.teken.signing.adapter.in;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.TopicReader;
import id.teken.events.EventCodec;
import id.teken.events.Topics;
import id.teken.events.signing.DocumentSigned;
import id.teken.signing.CertificateServiceStandIn;
import id.teken.signing.Pdfs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
@QuarkusTestResource(CertificateServiceStandIn.class)
class SigningFlowTest {

    /** The management interface's root (/q), on its own port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL managementRoot;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    static RequestSpecification as(String nip, String... groups) {
        java.util.Set<String> roles = groups.length == 0 ? java.util.Set.of("ASN") : java.util.Set.of(groups);
        return given().auth().oauth2(Jwt.issuer("https://teken.local").subject(nip).groups(roles).expiresIn(300).sign());
    }

    static String pdfsig(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("signed", ".pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void thePassphraseIsCheckedWhileTheDocumentIsPrepared_onlyForAReadablePdf_andALostAuthorizationFallsBackToOneMoreCheck() throws Exception {
        CertificateServiceStandIn.CHANNELS.clear();
        CertificateServiceStandIn.GRANTS.clear();
        as(CertificateServiceStandIn.SIGNER).multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200);
        assertThat(CertificateServiceStandIn.CHANNELS).as("one passphrase check").hasSize(1);
        assertThat(CertificateServiceStandIn.GRANTS).as("the authorization was used up").isEmpty();

        // A PDF that cannot be read costs no passphrase check; a box off the page neither... 
        as(CertificateServiceStandIn.SIGNER).multiPart("file", "rusak.pdf", "bukan pdf".getBytes(), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(400)
                .body("code", equalTo("PDF_INVALID"));
        assertThat(CertificateServiceStandIn.CHANNELS).hasSize(1);
        // ...and a wrong passphrase is the answer even though the document was prepared meanwhile.
        as(CertificateServiceStandIn.SIGNER).multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", "Salah#Sekali1").post("/api/v1/signatures").then().statusCode(400)
                .body("code", equalTo("PASSPHRASE_WRONG"));
        assertThat(CertificateServiceStandIn.GRANTS).isEmpty();

        // certificate-service forgot the authorization (a restart): the passphrase goes with the signature once more.
        CertificateServiceStandIn.CHANNELS.clear();
        CertificateServiceStandIn.FORGET_GRANTS.set(true);
        try {
            byte[] pdf = as(CertificateServiceStandIn.SIGNER).multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf")
                    .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200)
                    .extract().asByteArray();
            assertThat(CertificateServiceStandIn.CHANNELS).as("the authorization, then sign-hashes with the passphrase").hasSize(2);
            assertThat(pdfsig(pdf)).contains("Signature is Valid.");
        } finally {
            CertificateServiceStandIn.FORGET_GRANTS.set(false);
        }
    }

    @Test
    void aCertificateRenewedMeanwhile_isNoticedAtThePassphraseCheck_andTheDocumentIsPreparedAgainForTheNewOne() throws Exception {
        // The first signature leaves the signer's certificate among the recent ones.
        as(CertificateServiceStandIn.SIGNER).multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200);
        java.math.BigInteger before = CertificateServiceStandIn.leaf.getSerialNumber();
        try (AutoCloseable renewed = CertificateServiceStandIn.signerRekeyed()) {
            java.math.BigInteger now = CertificateServiceStandIn.leaf.getSerialNumber();
            assertThat(now).isNotEqualTo(before);
            Response r = as(CertificateServiceStandIn.SIGNER).multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf")
                    .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures");
            r.then().statusCode(200);
            assertThat(r.header("Server-Timing")).as("prepared for the old certificate, then again").contains("prepare-again");
            byte[] pdf = r.asByteArray();
            assertThat(pdfsig(pdf)).contains("Signature is Valid.");
            org.bouncycastle.cms.CMSSignedData cms = new org.bouncycastle.cms.CMSSignedData(signatureContents(pdf));
            assertThat(cms.getSignerInfos().getSigners().iterator().next().getSID().getSerialNumber())
                    .as("the CMS names the certificate that signed").isEqualTo(now);
            // The next signature finds the new certificate at once.
            Response next = as(CertificateServiceStandIn.SIGNER).multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf")
                    .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures");
            next.then().statusCode(200);
            assertThat(next.header("Server-Timing")).doesNotContain("prepare-again");
        }
    }

    /** The DER in the first signature's /Contents. */
    static byte[] signatureContents(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return d.getSignatureDictionaries().get(0).getContents(pdf);
        }
    }

    @Test
    void aMultiPagePdf_isSignedAtBLT_byDefault_andPdfsigSaysValid_andTheAuditEventHasItsHash() throws Exception {
        Response response = as(CertificateServiceStandIn.SIGNER).multiPart("file", "surat.pdf", Pdfs.letter(3), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures");
        response.then().statusCode(200).contentType("application/pdf").header("X-Document-Id", notNullValue())
                .header("X-Signature-Level", "PAdES-BASELINE-LT").header("Content-Disposition", containsString("surat_signed.pdf"))
                .header("Server-Timing", containsString("passphrase;dur="));
        byte[] signed = response.asByteArray();
        String report = pdfsig(signed);
        // B-LT appends the revocation data (DSS dictionary) after the signature, so pdfsig sees one later revision; DSS below
        // checks that this revision only adds validation data. B-T (next test) covers the whole document.
        assertThat(report).contains("Signature Validation: Signature is Valid.").contains("Not total document signed")
                .contains("Signer Certificate Common Name: Budi Santoso");
        String id = response.header("X-Document-Id");
        List<ConsumerRecord<String, String>> events = TopicReader.await(kafka, Topics.DOCUMENT_SIGNED.name(), r -> id.equals(r.key()), 1,
                Duration.ofSeconds(30));
        DocumentSigned event = EventCodec.fromJson(Topics.DOCUMENT_SIGNED, events.get(0).value()).payload();
        assertThat(event.outcome()).isEqualTo("SIGNED");
        assertThat(event.padesLevel()).isEqualTo("PAdES-BASELINE-LT");
        // DSS with our root as the trust anchor: every check passes and the level is B-LT (revocation data embedded).
        given().multiPart("file", "surat_signed.pdf", signed, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("conclusion", equalTo("VALID")).body("signatures[0].padesLevel", equalTo("PAdES-BASELINE-LT"))
                .body("signatures[0].indication", equalTo("TOTAL_PASSED"));
        assertThat(new String(signed, StandardCharsets.ISO_8859_1)).contains("/DSS").contains("/OCSPs");
        assertThat(event.documentSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed)));
        assertThat(events.get(0).value()).doesNotContain(CertificateServiceStandIn.PASSPHRASE).doesNotContain("%PDF");

        // Business counters for Prometheus, and readiness that reflects the database and Kafka.
        String metrics = given().get(managementRoot.toString().replaceAll("/+$", "") + "/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("teken_signatures_total{channel=\"web\",code=\"none\",outcome=\"SIGNED\"}")
                .contains("teken_events_published_total{type=\"document.signed\"}");
        String health = given().get(managementRoot.toString().replaceAll("/+$", "") + "/health/ready").then().statusCode(200).extract().asString();
        assertThat(health).contains("Database connections health check").containsIgnoringCase("kafka");

        // One changed byte after signing: pdfsig no longer calls it valid.
        byte[] tampered = signed.clone();
        String raw = new String(signed, StandardCharsets.ISO_8859_1);
        // A page size (inside the signed ranges), not a digit of the signature's own /Contents.
        int at = raw.indexOf("612", raw.indexOf("/MediaBox"));
        assertThat(at).isPositive();
        tampered[at] = (byte) '5';
        assertThat(pdfsig(tampered)).doesNotContain("Signature Validation: Signature is Valid.");
    }

    @Test
    void levelsBB_andBT_areValidToo() throws Exception {
        byte[] bt = as(CertificateServiceStandIn.SIGNER).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).multiPart("level", "B-T").post("/api/v1/signatures")
                .then().statusCode(200).header("X-Signature-Level", "PAdES-BASELINE-T").extract().asByteArray();
        assertThat(pdfsig(bt)).contains("Signature is Valid.").contains("Total document signed");
        byte[] signed = as(CertificateServiceStandIn.SIGNER).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).multiPart("level", "B-B").post("/api/v1/signatures")
                .then().statusCode(200).header("X-Signature-Level", "PAdES-BASELINE-B").extract().asByteArray();
        assertThat(pdfsig(signed)).contains("Signature is Valid.");
    }

    @Test
    void wrongPassphrase_notActive_andUnknownSigners_areRefused_andAudited() throws Exception {
        byte[] pdf = Pdfs.letter(1);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        String documentId = as(CertificateServiceStandIn.SIGNER).multiPart("file", "a.pdf", pdf, "application/pdf")
                .multiPart("passphrase", "Salah#Sekali1").post("/api/v1/signatures")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("PASSPHRASE_WRONG"))
                .body("detail", containsString("Passphrase anda salah")).extract().header("X-Document-Id");
        assertThat(TopicReader.await(kafka, Topics.DOCUMENT_SIGNED.name(), r -> r.value().contains("\"failureCode\":\"PASSPHRASE_WRONG\"") && r.value().contains(sha),
                1, Duration.ofSeconds(30))).hasSize(1);
        as(CertificateServiceStandIn.SUSPENDED).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures")
                .then().statusCode(409).body("code", equalTo("CERTIFICATE_NOT_ACTIVE")).body("detail", containsString("SUSPEND"));
        as("199912312020121001").multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures")
                .then().statusCode(404).body("code", equalTo("NOT_REGISTERED"));
        assertThat(documentId).isNull();
    }

    @Test
    void badInput_eachHasItsCode() {
        String signer = CertificateServiceStandIn.SIGNER;
        String pass = CertificateServiceStandIn.PASSPHRASE;
        as(signer).multiPart("passphrase", pass).post("/api/v1/signatures").then().statusCode(400).body("code", equalTo("PDF_REQUIRED"));
        as(signer).multiPart("file", "a.pdf", new byte[0], "application/pdf").multiPart("passphrase", pass).post("/api/v1/signatures")
                .then().statusCode(400).body("code", equalTo("PDF_REQUIRED"));
        as(signer).multiPart("file", "a.docx", "PK\u0003\u0004 bukan pdf".getBytes(), "application/pdf").multiPart("passphrase", pass)
                .post("/api/v1/signatures").then().statusCode(400).body("code", equalTo("PDF_INVALID"));
        as(signer).multiPart("file", "rusak.pdf", "%PDF-1.7\n garbage garbage".getBytes(), "application/pdf").multiPart("passphrase", pass)
                .post("/api/v1/signatures").then().statusCode(400).body("code", equalTo("PDF_INVALID"));
        as(signer).multiPart("file", "enc.pdf", Pdfs.encrypted(), "application/pdf").multiPart("passphrase", pass)
                .post("/api/v1/signatures").then().statusCode(422).body("code", equalTo("PDF_ENCRYPTED"));
        byte[] big = new byte[1024 * 1024 + 10];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        as(signer).multiPart("file", "big.pdf", big, "application/pdf").multiPart("passphrase", pass)
                .post("/api/v1/signatures").then().statusCode(413).body("code", equalTo("PDF_TOO_LARGE"));
        as(signer).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").post("/api/v1/signatures")
                .then().statusCode(400).body("code", equalTo("PASSPHRASE_REQUIRED"));
        as(signer).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", pass).multiPart("level", "B-LTA-X")
                .post("/api/v1/signatures").then().statusCode(400).body("code", equalTo("LEVEL_INVALID"));
        given().multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", pass).post("/api/v1/signatures")
                .then().statusCode(401);
        as(signer, "SYSTEM").multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", pass)
                .post("/api/v1/signatures").then().statusCode(403);
        as(signer).contentType("application/json").body("{}").post("/api/v1/signatures").then().statusCode(415);
    }
}
