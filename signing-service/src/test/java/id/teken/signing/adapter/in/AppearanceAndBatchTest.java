package id.teken.signing.adapter.in;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import id.teken.devstack.DevStackTestResource;
import id.teken.signing.CertificateServiceStandIn;
import id.teken.signing.Pdfs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static id.teken.signing.adapter.in.SigningFlowTest.as;
import static id.teken.signing.adapter.in.SigningFlowTest.pdfsig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Visible signatures (QR at a marker, specimen at coordinates, footer), several signers on one PDF, and batches. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
@QuarkusTestResource(CertificateServiceStandIn.class)
class AppearanceAndBatchTest {

    static final String BUDI = CertificateServiceStandIn.SIGNER;
    static final String DEWI = CertificateServiceStandIn.SECOND;
    static final String PASS = CertificateServiceStandIn.PASSPHRASE;

    @Inject
    EntityManager em;

    @Test
    void aVisibleQrAtTheMarker_onAMultiPagePdf_pointsAtTheVerificationPage_andIsValid() throws Exception {
        Response response = as(BUDI).multiPart("file", "sk.pdf", Pdfs.withMarker(3, 2, "#"), "application/pdf")
                .multiPart("passphrase", PASS).multiPart("tampilan", "visible").multiPart("tag_koordinat", "#").multiPart("width", "180")
                .multiPart("footer", "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan Teken Pemkab Ponorogo.")
                .multiPart("reason", "Persetujuan").multiPart("location", "Ponorogo").post("/api/v1/signatures");
        response.then().statusCode(200);
        byte[] signed = response.asByteArray();
        String id = response.header("X-Document-Id");
        assertThat(pdfsig(signed)).contains("Signature is Valid.");
        try (PDDocument doc = Loader.loadPDF(signed)) {
            // The widget sits on page 2 where the marker was drawn (x 400, baseline 200 from the bottom).
            List<PDAnnotation> widgets = doc.getPage(1).getAnnotations();
            assertThat(widgets).hasSize(1);
            PDRectangle rect = widgets.get(0).getRectangle();
            assertThat(rect.getLowerLeftX()).isBetween(395f, 405f);
            assertThat(rect.getUpperRightY()).isBetween(195f, 215f);
            assertThat(doc.getPage(0).getAnnotations()).isEmpty();
            PDFTextStripper text = new PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                assertThat(text.getText(doc)).contains("ditandatangani secara elektronik menggunakan sertifikat");
            }
        }
        // Render page 2 and read the QR code back: it opens the verification page of this document.
        assertThat(qrOnPage(signed, 2)).isEqualTo("https://tte.ponorogo.go.id/verify/" + id);
        given().get("/verify/" + id).then().statusCode(200).body("signerName", equalTo("Budi Santoso"));
        given().multiPart("file", "sk_signed.pdf", signed, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("conclusion", equalTo("VALID")).body("signatures[0].indication", equalTo("TOTAL_PASSED"));
    }

    static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }

    @Test
    void aSpecimenAtCoordinates_thenASecondSigner_keepsTheFirstSignatureValid() throws Exception {
        byte[] first = as(BUDI).multiPart("file", "nota.pdf", Pdfs.letter(2), "application/pdf").multiPart("passphrase", PASS)
                .multiPart("tampilan", "visible").multiPart("image", "true").multiPart("imageTTD", "ttd.png", Pdfs.specimen(), "image/png")
                .multiPart("page", "last").multiPart("originX", "60").multiPart("originY", "600").multiPart("width", "180")
                .multiPart("height", "90").post("/api/v1/signatures").then().statusCode(200).extract().asByteArray();
        byte[] both = as(DEWI).multiPart("file", "nota_signed.pdf", first, "application/pdf").multiPart("passphrase", PASS)
                .multiPart("tampilan", "visible").multiPart("page", "2").multiPart("originX", "330").multiPart("originY", "600")
                .post("/api/v1/signatures").then().statusCode(200).extract().asByteArray();
        String report = pdfsig(both);
        assertThat(report).contains("Signature #1").contains("Signature #2").contains("Signer Certificate Common Name: Budi Santoso")
                .contains("Signer Certificate Common Name: Dewi Lestari");
        assertThat(report.split("Signature is Valid.", -1)).hasSize(3);
        try (PDDocument doc = Loader.loadPDF(both)) {
            assertThat(doc.getPage(1).getAnnotations()).hasSize(2);
            PDRectangle rect = doc.getPage(1).getAnnotations().get(0).getRectangle();
            // originY 600 from the top of a 792-point page: the top edge at 192.
            assertThat(rect.getUpperRightY()).isBetween(191f, 193f);
            assertThat(rect.getLowerLeftX()).isBetween(59f, 61f);
        }
        given().multiPart("file", "nota.pdf", both, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("signatureCount", equalTo(2)).body("conclusion", equalTo("VALID"))
                .body("signatures[0].indication", equalTo("TOTAL_PASSED")).body("signatures[1].indication", equalTo("TOTAL_PASSED"));
    }

    @Test
    void appearanceMistakes_areClear4xx_andNothingIsRecorded() {
        long before = signedCount();
        send(Map.of("tampilan", "visible", "tag_koordinat", "$$"), Pdfs.letter(2)).then().statusCode(422).body("code", equalTo("MARKER_NOT_FOUND"));
        send(Map.of("tampilan", "visible", "page", "9", "originX", "10", "originY", "10"), Pdfs.letter(2))
                .then().statusCode(422).body("code", equalTo("PAGE_NOT_FOUND"));
        send(Map.of("tampilan", "visible", "originX", "500", "originY", "10"), Pdfs.letter(1))
                .then().statusCode(422).body("code", equalTo("COORDINATES_OFF_PAGE")).body("detail", containsString("612x792"));
        send(Map.of("tampilan", "visible", "originX", "10", "originY", "-5"), Pdfs.letter(1))
                .then().statusCode(422).body("code", equalTo("COORDINATES_OFF_PAGE"));
        send(Map.of("tampilan", "visible"), Pdfs.letter(1)).then().statusCode(400).body("code", equalTo("APPEARANCE_INVALID"));
        send(Map.of("tampilan", "kadang"), Pdfs.letter(1)).then().statusCode(400).body("code", equalTo("APPEARANCE_INVALID"));
        send(Map.of("tampilan", "visible", "originX", "abc", "originY", "10"), Pdfs.letter(1)).then().statusCode(400)
                .body("code", equalTo("APPEARANCE_INVALID"));
        send(Map.of("tampilan", "visible", "originX", "10", "originY", "10", "width", "5000"), Pdfs.letter(1)).then().statusCode(400)
                .body("code", equalTo("APPEARANCE_INVALID"));
        send(Map.of("tampilan", "visible", "image", "true", "originX", "10", "originY", "10"), Pdfs.letter(1)).then().statusCode(400)
                .body("code", equalTo("IMAGE_INVALID"));
        as(BUDI).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", PASS).multiPart("tampilan", "visible")
                .multiPart("image", "true").multiPart("originX", "10").multiPart("originY", "10")
                .multiPart("imageTTD", "x.gif", "GIF89a....".getBytes(), "image/gif").post("/api/v1/signatures")
                .then().statusCode(400).body("code", equalTo("IMAGE_INVALID"));
        as(BUDI).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", PASS).multiPart("tampilan", "visible")
                .multiPart("image", "true").multiPart("originX", "10").multiPart("originY", "10")
                .multiPart("imageTTD", "big.png", new byte[2 * 1024 * 1024], "image/png").post("/api/v1/signatures")
                .then().statusCode(400).body("code", equalTo("IMAGE_INVALID"));
        send(Map.of("footer", "x".repeat(301)), Pdfs.letter(1)).then().statusCode(400).body("code", equalTo("APPEARANCE_INVALID"));
        assertThat(signedCount()).isEqualTo(before);
    }

    @Test
    void aBatch_isSignedWithOnePassphrase_asZipOrJson_andAnyBadFileStopsAll() throws Exception {
        Response zip = as(BUDI).multiPart("files", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("files", "b.pdf", Pdfs.letter(2), "application/pdf").multiPart("files", "c.pdf", Pdfs.withMarker(1, 1, "#"), "application/pdf")
                .multiPart("passphrase", PASS).multiPart("level", "B-T").post("/api/v1/signatures/batch");
        zip.then().statusCode(200).contentType("application/zip").header("Server-Timing", containsString("passphrase;dur="));
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("1-a_signed.pdf", "2-b_signed.pdf", "3-c_signed.pdf", "manifest.json");
        for (String name : List.of("1-a_signed.pdf", "2-b_signed.pdf", "3-c_signed.pdf")) {
            assertThat(pdfsig(entries.get(name))).contains("Signature is Valid.").contains("Total document signed");
        }
        assertThat(new String(entries.get("manifest.json"))).contains("documentId").contains("PAdES-BASELINE-T");

        as(BUDI).accept("application/json").multiPart("files", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("files", "b.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", PASS)
                .post("/api/v1/signatures/batch").then().statusCode(200).body("documents.size()", equalTo(2))
                .body("documents[0].level", equalTo("PAdES-BASELINE-LT")).body("documents[1].pdfBase64", org.hamcrest.Matchers.startsWith("JVBER"));

        long before = signedCount();
        as(BUDI).multiPart("files", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("files", "rusak.pdf", "%PDF-1.7 rusak".getBytes(), "application/pdf")
                .multiPart("passphrase", PASS).post("/api/v1/signatures/batch").then().statusCode(400)
                .body("code", equalTo("PDF_INVALID")).body("detail", containsString("Berkas ke-2 (rusak.pdf)"));
        as(BUDI).multiPart("files", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("files", "b.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", "Salah#Sekali1").post("/api/v1/signatures/batch").then().statusCode(400).body("code", equalTo("PASSPHRASE_WRONG"));
        as(BUDI).multiPart("files", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("files", "b.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("files", "c.pdf", Pdfs.letter(1), "application/pdf").multiPart("files", "d.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", PASS).post("/api/v1/signatures/batch").then().statusCode(400).body("code", equalTo("TOO_MANY_FILES"));
        as(BUDI).multiPart("passphrase", PASS).post("/api/v1/signatures/batch").then().statusCode(400).body("code", equalTo("PDF_REQUIRED"));
        byte[] big = new byte[900 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        as(BUDI).multiPart("files", "1.pdf", big, "application/pdf").multiPart("files", "2.pdf", big, "application/pdf")
                .multiPart("files", "3.pdf", big, "application/pdf").multiPart("files", "4.pdf", big, "application/pdf")
                .multiPart("passphrase", PASS).post("/api/v1/signatures/batch").then().statusCode(413).body("code", equalTo("PDF_TOO_LARGE"));
        given().multiPart("files", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", PASS)
                .post("/api/v1/signatures/batch").then().statusCode(401);
        assertThat(signedCount()).isEqualTo(before);
    }

    private Response send(Map<String, String> fields, byte[] pdf) {
        var request = as(BUDI).multiPart("file", "a.pdf", pdf, "application/pdf").multiPart("passphrase", PASS);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            request = request.multiPart(e.getKey(), e.getValue());
        }
        return request.post("/api/v1/signatures");
    }

    long signedCount() {
        return ((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT count(*) FROM signed_document").getSingleResult())).longValue();
    }

    static String qrOnPage(byte[] pdf, int page) throws Exception {
        Path dir = Files.createTempDirectory("qr");
        Path file = dir.resolve("doc.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftoppm", "-r", "300", "-f", String.valueOf(page), "-l", String.valueOf(page), "-png",
                file.toString(), dir.resolve("page").toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        Path png;
        try (var files = Files.list(dir)) {
            png = files.filter(f -> f.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(),
                image.getHeight(), pixels))), Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE,
                com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE))).getText();
    }
}
