package id.teken.signing.adapter.in;

import id.teken.devstack.DevStackTestResource;
import id.teken.signing.CertificateServiceStandIn;
import id.teken.signing.Pdfs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
@QuarkusTestResource(CertificateServiceStandIn.class)
class VerificationTest {

    static byte[] signed() {
        return given().auth().oauth2(Jwt.issuer("https://teken.local").subject(CertificateServiceStandIn.SIGNER).groups("ASN")
                        .expiresIn(300).sign())
                .multiPart("file", "surat.pdf", Pdfs.letter(2), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures")
                .then().statusCode(200).extract().asByteArray();
    }

    @Test
    void aSignedPdf_isReportedIntactTrustedAndTimeStamped() {
        Response report = given().multiPart("file", "surat_signed.pdf", signed(), "application/pdf").post("/api/v1/verifications");
        report.then().statusCode(200).body("signatureCount", equalTo(1)).body("documentName", equalTo("surat_signed.pdf"))
                .body("signatures[0].signerName", equalTo("Budi Santoso")).body("signatures[0].integrityValid", equalTo(true))
                .body("signatures[0].chainTrusted", equalTo(true)).body("signatures[0].certificateRevoked", equalTo(false))
                .body("signatures[0].padesLevel", equalTo("PAdES-BASELINE-LT")).body("signatures[0].timestampTimes.size()", equalTo(1))
                .body("conclusion", equalTo("VALID"));
    }

    @Test
    void theQrCodeLookup_showsSignerTimeLevelAndHash_withoutTheNip() throws Exception {
        Response signedResponse = given().auth().oauth2(Jwt.issuer("https://teken.local").subject(CertificateServiceStandIn.SIGNER)
                        .groups("ASN").expiresIn(300).sign())
                .multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures");
        String id = signedResponse.header("X-Document-Id");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(signedResponse.asByteArray()));
        String body = given().get("/verify/" + id).then().statusCode(200).body("documentId", equalTo(id))
                .body("signerName", equalTo("Budi Santoso")).body("padesLevel", equalTo("PAdES-BASELINE-LT"))
                .body("documentSha256", equalTo(sha)).body("status", equalTo("SIGNED")).extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain(CertificateServiceStandIn.SIGNER);
        given().get("/verify/" + java.util.UUID.randomUUID()).then().statusCode(404).body("code", equalTo("DOCUMENT_NOT_FOUND"));
        // A phone's browser gets the page: Indonesian, the facts, the upload form; no NIP.
        String html = given().accept("text/html").get("/verify/" + id).then().statusCode(200).contentType(org.hamcrest.Matchers
                .containsString("text/html")).header("Content-Security-Policy", org.hamcrest.Matchers.notNullValue()).extract().asString();
        org.assertj.core.api.Assertions.assertThat(html).contains("Dokumen Bertanda Tangan Elektronik").contains("Budi Santoso")
                .contains(sha).contains("name=\"viewport\"").contains("/api/v1/verifications").contains("type=\"file\"")
                .doesNotContain(CertificateServiceStandIn.SIGNER);
        given().accept("text/html").get("/verify/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType(org.hamcrest.Matchers.containsString("text/html")).body(org.hamcrest.Matchers.containsString("tidak ditemukan"));
        given().accept("text/html").get("/verify/<script>").then().statusCode(404);
        given().get("/verify/not-an-id").then().statusCode(404);
    }

    @Test
    void aChangedByte_isReportedInvalid() {
        byte[] tampered = signed();
        String raw = new String(tampered, StandardCharsets.ISO_8859_1);
        tampered[raw.indexOf("612", raw.indexOf("/MediaBox"))] = (byte) '5';
        given().multiPart("file", "t.pdf", tampered, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("conclusion", equalTo("INVALID")).body("signatures.integrityValid", hasItem(false))
                .body("summary", equalTo("Konten Dokumen mengalami perubahan oleh pihak yang tidak berhak"));
    }

    @Test
    void unsignedPdfs_andBadInput() {
        given().multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("conclusion", equalTo("NO_SIGNATURE")).body("signatureCount", equalTo(0))
                .body("summary", equalTo("Dokumen belum ditandatangani secara elektronik"));
        given().multiPart("file", "a.txt", "bukan pdf".getBytes(), "text/plain").post("/api/v1/verifications").then().statusCode(400)
                .body("code", equalTo("PDF_INVALID"));
        given().multiPart("other", "x").post("/api/v1/verifications").then().statusCode(400).body("code", equalTo("PDF_REQUIRED"));
        given().multiPart("file", "enc.pdf", Pdfs.encrypted(), "application/pdf").post("/api/v1/verifications").then().statusCode(422);
        byte[] big = new byte[1024 * 1024 + 10];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        given().multiPart("file", "big.pdf", big, "application/pdf").post("/api/v1/verifications").then().statusCode(413);
        given().contentType("application/json").body("{}").post("/api/v1/verifications").then().statusCode(415);
    }
}
