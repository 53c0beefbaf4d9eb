package id.teken.signing.adapter.in;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import id.teken.devstack.DevStackTestResource;
import id.teken.signing.CertificateServiceStandIn;
import id.teken.signing.Pdfs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URL;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Long-term levels (B-LTA on request, archive renewal of a B-LT file) and files that must not hurt the service: a Flate
 * bomb, a huge object graph, a 30000 x 30000 PNG specimen, ten of them at once, and a PDF whose certificates point at
 * addresses the service must never fetch.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
@QuarkusTestResource(CertificateServiceStandIn.class)
class LongTermAndHostileFilesTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    static io.restassured.specification.RequestSpecification asn() {
        return given().auth().oauth2(Jwt.issuer("https://teken.local").subject(CertificateServiceStandIn.SIGNER).groups("ASN")
                .expiresIn(300).sign());
    }

    @Test
    void craftedMultipartBodies_getProblemJson_nothingIsSigned_andTheServiceStaysHealthy() {
        String boundary = "----TekenBatas7";
        String ct = "multipart/form-data; boundary=" + boundary;
        byte[] unclosed = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 ...")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] nameless = ("--" + boundary + "\r\nContent-Disposition: form-data; filename=\"a.pdf\"\r\n\r\nx\r\n--" + boundary + "--")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            many.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        many.append("--").append(boundary).append("--");
        for (String route : new String[] {"/api/v1/signatures", "/api/v1/signatures/batch"}) {
            for (byte[] body : new byte[][] {unclosed, nameless, many.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    "no delimiter".getBytes(java.nio.charset.StandardCharsets.US_ASCII)}) {
                asn().contentType(ct).body(body).post(route).then().statusCode(400)
                        .contentType("application/problem+json").body("code", equalTo("MALFORMED_REQUEST"))
                        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
            }
            asn().contentType("multipart/form-data").body(nameless).post(route).then().statusCode(400)
                    .body("code", equalTo("MALFORMED_REQUEST"));
            // Unauthenticated: refused before the body is read.
            given().contentType(ct).body(nameless).post(route).then().statusCode(401);
        }
        // Verification is public: the same crafted bodies, no credentials.
        for (byte[] body : new byte[][] {unclosed, nameless, many.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)}) {
            given().contentType(ct).body(body).post("/api/v1/verifications").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("MALFORMED_REQUEST"));
        }
        given().multiPart("file", "besar.pdf", new byte[3 * 1024 * 1024], "application/pdf").post("/api/v1/verifications").then()
                .statusCode(413).body("code", equalTo("PDF_TOO_LARGE"));
        // A body over the limit (1 MB PDFs in tests, 3 MB for a batch, plus 2 MB for the fields): PDF_TOO_LARGE, nothing kept.
        byte[] huge = new byte[6 * 1024 * 1024];
        asn().multiPart("file", "besar.pdf", huge, "application/pdf").multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE)
                .post("/api/v1/signatures").then().statusCode(413).body("code", equalTo("PDF_TOO_LARGE"));
        asn().multiPart("files", "besar.pdf", huge, "application/pdf").multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE)
                .post("/api/v1/signatures/batch").then().statusCode(413).body("code", equalTo("PDF_TOO_LARGE"));
        // And a well-formed request still signs.
        asn().multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE)
                .post("/api/v1/signatures").then().statusCode(200).contentType("application/pdf");
        given().get(ready.toString()).then().statusCode(200);
    }

    @Test
    void bLta_onRequest_andAnArchiveRenewalOfABLtFile_validateWithTheRootAsTheOnlyAnchor() {
        byte[] lta = asn().multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf").multiPart("level", "B-LTA")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200)
                .header("X-Signature-Level", "PAdES-BASELINE-LTA").extract().asByteArray();
        given().multiPart("file", "lta.pdf", lta, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("conclusion", equalTo("VALID")).body("signatures[0].padesLevel", equalTo("PAdES-BASELINE-LTA"))
                .body("signatures[0].indication", equalTo("TOTAL_PASSED"));

        byte[] lt = asn().multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200)
                .extract().asByteArray();
        byte[] renewed = asn().multiPart("file", "lt.pdf", lt, "application/pdf").post("/api/v1/signatures/extension").then()
                .statusCode(200).contentType("application/pdf").header("X-Signature-Level", "PAdES-BASELINE-LTA").extract().asByteArray();
        assertThat(renewed.length).isGreaterThan(lt.length);
        assertThat(java.util.Arrays.copyOf(renewed, lt.length)).as("an incremental update: the signed bytes stay").isEqualTo(lt);
        given().multiPart("file", "renewed.pdf", renewed, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("conclusion", equalTo("VALID")).body("signatures[0].padesLevel", equalTo("PAdES-BASELINE-LTA"));
        // Renewal of a renewed file adds one more document time stamp.
        asn().multiPart("file", "renewed.pdf", renewed, "application/pdf").post("/api/v1/signatures/extension").then().statusCode(200);
        asn().multiPart("file", "unsigned.pdf", Pdfs.letter(1), "application/pdf").post("/api/v1/signatures/extension").then()
                .statusCode(422).body("code", equalTo("NOT_SIGNED"));
        asn().multiPart("file", "junk.pdf", "bukan pdf".getBytes(), "application/pdf").post("/api/v1/signatures/extension").then()
                .statusCode(400);
        given().multiPart("file", "lt.pdf", lt, "application/pdf").post("/api/v1/signatures/extension").then().statusCode(401);
        asn().multiPart("level", "B-XYZ").multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(400)
                .body("code", equalTo("LEVEL_INVALID"));
    }

    @Test
    void bLt_takesItsTimeStampAndTheSignerOcspFromSignHash_orFetchesThem_andASecondSignatureKeepsTheFirstsData() throws Exception {
        CertificateServiceStandIn.TSA_CALLS.set(0);
        CertificateServiceStandIn.OCSP_CALLS.set(0);
        byte[] handed = asn().multiPart("file", "surat.pdf", Pdfs.letter(2), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200)
                .header("X-Signature-Level", "PAdES-BASELINE-LT").extract().asByteArray();
        assertThat(CertificateServiceStandIn.TSA_CALLS.get()).as("the time stamp came with the signature value").isZero();
        assertThat(CertificateServiceStandIn.OCSP_CALLS.get()).as("the signer's OCSP answer came with it too").isZero();
        given().multiPart("file", "a.pdf", handed, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("conclusion", equalTo("VALID")).body("signatures[0].padesLevel", equalTo("PAdES-BASELINE-LT"));
        assertThat(dssArray(handed, "OCSPs")).isEqualTo(1);

        // A second signature on the signed file: its own revision and validation data, the first's kept.
        byte[] twice = asn().multiPart("file", "a.pdf", handed, "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200)
                .extract().asByteArray();
        assertThat(java.util.Arrays.copyOf(twice, handed.length)).as("an incremental update").isEqualTo(handed);
        given().multiPart("file", "b.pdf", twice, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("conclusion", equalTo("VALID")).body("signatureCount", equalTo(2))
                .body("signatures[0].padesLevel", equalTo("PAdES-BASELINE-LT")).body("signatures[1].padesLevel", equalTo("PAdES-BASELINE-LT"));
        assertThat(dssArray(twice, "OCSPs")).as("both signers' OCSP answers").isEqualTo(2);

        // A certificate-service that does not hand them out: the TSA and the OCSP responder are asked instead.
        CertificateServiceStandIn.HAND_EVIDENCE.set(false);
        CertificateServiceStandIn.TSA_CALLS.set(0);
        CertificateServiceStandIn.OCSP_CALLS.set(0);
        try {
            byte[] fetched = asn().multiPart("file", "surat.pdf", Pdfs.letter(1), "application/pdf")
                    .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200)
                    .extract().asByteArray();
            assertThat(CertificateServiceStandIn.TSA_CALLS.get()).isEqualTo(1);
            assertThat(CertificateServiceStandIn.OCSP_CALLS.get()).isEqualTo(1);
            given().multiPart("file", "c.pdf", fetched, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                    .body("conclusion", equalTo("VALID")).body("signatures[0].padesLevel", equalTo("PAdES-BASELINE-LT"));
        } finally {
            CertificateServiceStandIn.HAND_EVIDENCE.set(true);
        }
    }

    /** How many entries the document's DSS dictionary has under the key. */
    private static int dssArray(byte[] pdf, String key) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.cos.COSDictionary dss = d.getDocumentCatalog().getCOSObject().getCOSDictionary(
                    org.apache.pdfbox.cos.COSName.getPDFName("DSS"));
            return dss == null ? 0 : dss.getCOSArray(org.apache.pdfbox.cos.COSName.getPDFName(key)).size();
        }
    }

    @Test
    void aFlateBomb_andAHugeObjectGraph_areRefusedWithAClearError_andTheServiceStaysHealthy() {
        byte[] bomb = Pdfs.flateBomb(200);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        given().multiPart("file", "bomb.pdf", bomb, "application/pdf").post("/api/v1/verifications").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("PDF_TOO_COMPLEX"));
        asn().multiPart("file", "bomb.pdf", bomb, "application/pdf").multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE)
                .post("/api/v1/signatures").then().statusCode(422).body("code", equalTo("PDF_TOO_COMPLEX"));
        byte[] disguised = Pdfs.flateBomb(200, true);
        asn().multiPart("file", "bom.pdf", disguised, "application/pdf").multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE)
                .post("/api/v1/signatures").then().statusCode(422).body("code", equalTo("PDF_TOO_COMPLEX"));
        // A genuine image that would inflate to 400 MB is signed and verified without ever being inflated.
        byte[] picture = Pdfs.imageBomb(400);
        assertThat(picture.length).isLessThan(1024 * 1024);
        byte[] signedPicture = asn().multiPart("file", "gambar.pdf", picture, "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").then().statusCode(200)
                .extract().asByteArray();
        given().multiPart("file", "gambar.pdf", signedPicture, "application/pdf").post("/api/v1/verifications").then().statusCode(200)
                .body("conclusion", equalTo("VALID"));
        byte[] graph = Pdfs.manyObjects(250_000);
        assertThat(graph.length).isLessThan(1024 * 1024);
        given().multiPart("file", "graph.pdf", graph, "application/pdf").post("/api/v1/verifications").then().statusCode(422)
                .body("code", equalTo("PDF_TOO_COMPLEX"));
        given().get(ready).then().statusCode(200);
    }

    @Test
    void aHugePngSpecimen_isRefusedFromItsHeader_tenAtOnce() throws Exception {
        byte[] png = Pdfs.hugePng(30_000);
        assertThat(png.length).isLessThan(1024 * 1024);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return asn().multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf")
                            .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).multiPart("tampilan", "visible")
                            .multiPart("image", "true").multiPart("imageTTD", "ttd.png", png, "image/png").multiPart("originX", "50")
                            .multiPart("originY", "50").post("/api/v1/signatures");
                }));
            }
            start.countDown();
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
                assertThat(r.jsonPath().getString("code")).isEqualTo("IMAGE_INVALID");
            }
        } finally {
            pool.shutdownNow();
        }
        given().get(ready).then().statusCode(200);
    }

    @Test
    void urlsInsideAnUploadedPdfsCertificates_areNeverFetched() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trap.createContext("/", x -> {
            hits.incrementAndGet();
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        trap.start();
        try {
            String base = "http://127.0.0.1:" + trap.getAddress().getPort();
            byte[] pdf = signedByAStranger(base);
            Response report = given().multiPart("file", "asing.pdf", pdf, "application/pdf").post("/api/v1/verifications");
            report.then().statusCode(200).body("signatureCount", equalTo(1)).body("signatures[0].chainTrusted", equalTo(false));
            assertThat(report.jsonPath().getString("conclusion")).isNotEqualTo("VALID");
            assertThat(hits.get()).as("requests the service made to addresses named in an uploaded certificate").isZero();
        } finally {
            trap.stop(0);
        }
    }

    /** A PDF signed (B-B, with DSS in this test) by a certificate of a foreign CA whose AIA/CRL/OCSP name the trap server. */
    static byte[] signedByAStranger(String trap) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair caKeys = g.generateKeyPair();
        KeyPair keys = g.generateKeyPair();
        X500Name caName = new X500Name("CN=CA Asing,O=Bukan Teken,C=ID");
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.ONE,
                new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.TWO,
                new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L),
                new X500Name("CN=Penyusup,C=ID"), keys.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                                GeneralName.uniformResourceIdentifier, trap + "/crl"))), null, null),
                        new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                                GeneralName.uniformResourceIdentifier, "file:///etc/passwd"))), null, null)}))
                .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                        new AccessDescription(AccessDescription.id_ad_caIssuers, new GeneralName(GeneralName.uniformResourceIdentifier,
                                new DERIA5String(trap + "/ca.crt"))),
                        new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier,
                                new DERIA5String(trap + "/ocsp")))}))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(DSSUtils.loadCertificate(leaf.getEncoded()));
        parameters.setCertificateChain(List.of(DSSUtils.loadCertificate(leaf.getEncoded())));
        DSSDocument document = new InMemoryDocument(Pdfs.letter(1));
        ToBeSigned data = service.getDataToSign(document, parameters);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(data.getBytes());
        DSSDocument signed = service.signDocument(document, parameters,
                new SignatureValue(eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256, rsa.sign()));
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            signed.writeTo(out);
            return out.toByteArray();
        }
    }
}
