package id.teken.signing.adapter.in;

import id.teken.devstack.DevStackTestResource;
import id.teken.signing.CertificateServiceStandIn;
import id.teken.signing.Pdfs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/signatures/preview: one page as a PNG for placing a signature by a click, within bounds. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
@QuarkusTestResource(CertificateServiceStandIn.class)
class PagePreviewTest {

    static io.restassured.specification.RequestSpecification asn() {
        return given().auth().oauth2(Jwt.issuer("https://teken.local").subject(CertificateServiceStandIn.SIGNER).groups("ASN")
                .expiresIn(300).sign());
    }

    @Test
    void aPage_comesBackAsAPng_withThePageCountAndItsSizeInPoints() throws IOException {
        Response r = asn().multiPart("file", "surat.pdf", Pdfs.letter(3), "application/pdf").multiPart("page", "2")
                .multiPart("width", "600").post("/api/v1/signatures/preview");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("image/png");
        assertThat(r.header("X-Page-Count")).isEqualTo("3");
        float width = Float.parseFloat(r.header("X-Page-Width"));
        float height = Float.parseFloat(r.header("X-Page-Height"));
        assertThat(width).isGreaterThan(500);
        assertThat(height).isGreaterThan(width);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.asByteArray()));
        assertThat(png.getWidth()).isBetween(598, 600);
        assertThat((double) png.getHeight() / png.getWidth()).isCloseTo(height / width, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.header("Cache-Control")).contains("no-store");
    }

    @Test
    void beyondTheLastPage_badNumbers_andNoFile_areTheCallersMistakes() {
        Response beyond = asn().multiPart("file", "surat.pdf", Pdfs.letter(2), "application/pdf").multiPart("page", "3")
                .post("/api/v1/signatures/preview");
        assertThat(beyond.statusCode()).isEqualTo(422);
        assertThat(beyond.jsonPath().getString("code")).isEqualTo("PAGE_NOT_FOUND");
        for (String[] bad : new String[][]{{"page", "0"}, {"page", "dua"}, {"width", "99999"}, {"width", "-1"}}) {
            Response r = asn().multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf").multiPart(bad[0], bad[1])
                    .post("/api/v1/signatures/preview");
            assertThat(r.statusCode()).as(String.join("=", bad)).isIn(400, 422);
            assertThat(r.contentType()).contains("problem+json");
        }
        Response none = asn().multiPart("page", "1").post("/api/v1/signatures/preview");
        assertThat(none.statusCode()).isEqualTo(400);
        Response notPdf = asn().multiPart("file", "x.pdf", "bukan pdf".getBytes(), "application/pdf").post("/api/v1/signatures/preview");
        assertThat(notPdf.statusCode()).isEqualTo(400);
        assertThat(notPdf.asString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void withoutAToken_itIsRefused() {
        given().multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf").post("/api/v1/signatures/preview")
                .then().statusCode(401);
    }

    @Test
    void imageBombs_areRefusedBeforeAnyPixelIsDecoded_evenTenAtOnce() throws Exception {
        byte[] declared = Pdfs.imageBomb(100);              // 10240 x 10240 declared in the image dictionary
        byte[] disguised = jpegClaimingSmall(30000, 30000); // 1 x 1 declared, 30000 x 30000 in the JPEG's own header
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            var calls = IntStream.range(0, 10).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                    asn().multiPart("file", "bom.pdf", i % 2 == 0 ? declared : disguised, "application/pdf")
                            .post("/api/v1/signatures/preview"), pool)).toList();
            for (var call : calls) {
                Response r = call.get();
                assertThat(r.statusCode()).isIn(422, 503);
                assertThat(r.contentType()).contains("problem+json");
            }
        } finally {
            pool.shutdown();
        }
        // and the service still answers
        asn().multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf").post("/api/v1/signatures/preview").then().statusCode(200);
    }

    /** A page drawing a "JPEG" whose dictionary says 1 x 1 pixel and whose frame header says w x h. */
    static byte[] jpegClaimingSmall(int w, int h) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSStream image = doc.getDocument().createCOSStream();
            try (OutputStream raw = image.createRawOutputStream()) {
                raw.write(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
                raw.write(new byte[]{(byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 1, 1, 0x11, 0});
                raw.write(new byte[]{(byte) 0xFF, (byte) 0xD9});
            }
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setItem(COSName.FILTER, COSName.DCT_DECODE);
            image.setInt(COSName.WIDTH, 1);
            image.setInt(COSName.HEIGHT, 1);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(new PDImageXObject(new PDStream(image), null), 50, 50, 200, 200);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
