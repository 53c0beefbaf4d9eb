package id.teken.signing.adapter.in;

import id.teken.devstack.DevStackTestResource;
import id.teken.signing.CertificateServiceStandIn;
import id.teken.signing.Pdfs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.teken.signing.adapter.in.SigningFlowTest.as;
import static id.teken.signing.adapter.in.SigningFlowTest.pdfsig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** System clients (ADMIN) and the BSrE Esign Client compatible routes with their shapes and error bodies. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
@QuarkusTestResource(CertificateServiceStandIn.class)
class EsignCompatTest {

    static final String ADMIN = "198802292012052004";
    static final String NIK = CertificateServiceStandIn.SIGNER_NIK;
    static final String PASS = CertificateServiceStandIn.PASSPHRASE;

    /** A new client allowed from 127.0.0.1 and 10.20.0.0/16, for every signer; returns {id, username, secret}. */
    static Map<String, String> newClient(String name) {
        return newClient(name, Map.of("scope", Map.of("allSigners", true)));
    }

    /** A new client with these settings (scope, qrOrigins) besides the usual ones. */
    static Map<String, String> newClient(String name, Map<String, Object> settings) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", name, "description", "Sistem Persuratan Dinas",
                "allowedIps", List.of("127.0.0.1", "10.20.0.0/16")));
        body.putAll(settings);
        Response r = as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(body).post("/api/v1/admin/clients");
        r.then().statusCode(201).body("secret", org.hamcrest.Matchers.notNullValue()).body("enabled", equalTo(true));
        return Map.of("id", r.path("id"), "username", r.path("username"), "secret", r.path("secret"));
    }

    static RequestSpecification client(Map<String, String> c) {
        return given().auth().preemptive().basic(c.get("username"), c.get("secret"));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void admin_managesClients_secretShownOnce_andInputChecked() {
        Map<String, String> c = newClient(unique("surat"));
        as(ADMIN, "ASN", "ADMIN").get("/api/v1/admin/clients").then().statusCode(200)
                .body("find { it.id == '" + c.get("id") + "' }.username", equalTo(c.get("username")))
                .body("find { it.id == '" + c.get("id") + "' }", not(hasKey("secret")))
                .body("find { it.id == '" + c.get("id") + "' }", not(hasKey("secretHash")));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("username", c.get("username"), "allowedIps", List.of("127.0.0.1")))
                .post("/api/v1/admin/clients").then().statusCode(409).body("code", equalTo("CLIENT_EXISTS"));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("username", "A b", "allowedIps", List.of("127.0.0.1")))
                .post("/api/v1/admin/clients").then().statusCode(400).body("code", equalTo("CLIENT_INVALID"));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("username", unique("x"), "allowedIps", List.of("server.lokal")))
                .post("/api/v1/admin/clients").then().statusCode(400).body("code", equalTo("CLIENT_INVALID"));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("username", unique("x"), "allowedIps", List.of("10.0.0.0/40")))
                .post("/api/v1/admin/clients").then().statusCode(400).body("code", equalTo("CLIENT_INVALID"));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("username", unique("x")))
                .post("/api/v1/admin/clients").then().statusCode(400).body("code", equalTo("CLIENT_INVALID"));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body("{\"username\":").post("/api/v1/admin/clients")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).post("/api/v1/admin/clients").then().statusCode(400);
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("username", unique("x"), "description", "d".repeat(201),
                "allowedIps", List.of("127.0.0.1"))).post("/api/v1/admin/clients").then().statusCode(400).body("code", equalTo("CLIENT_INVALID"));
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("username", unique("x"), "allowedIps", List.of("127.0.0.1")))
                .post("/api/v1/admin/clients").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("username", unique("x"), "allowedIps", List.of("127.0.0.1")))
                .post("/api/v1/admin/clients").then().statusCode(401);
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/admin/clients/bukan-uuid")
                .then().statusCode(404).body("code", equalTo("CLIENT_NOT_FOUND"));

        // The secret works, then rotation makes the old one fail at once.
        client(c).get("/api/user/status/" + NIK).then().statusCode(200);
        String rotated = as(ADMIN, "ASN", "ADMIN").post("/api/v1/admin/clients/" + c.get("id") + "/secret").then().statusCode(200)
                .extract().path("secret");
        client(c).get("/api/user/status/" + NIK).then().statusCode(401).body("status_code", equalTo(401));
        given().auth().preemptive().basic(c.get("username"), rotated).get("/api/user/status/" + NIK).then().statusCode(200);
    }

    @Test
    void v1_signsWithBasicAndNik_returnsBsreShapes_andDownloadsOnce() throws Exception {
        Map<String, String> c = newClient(unique("desa"), Map.of("scope", Map.of("allSigners", true), "qrOrigins", List.of("https://desa.example")));
        // A QR code may open only the tenant's own pages or an origin the ADMIN allowed for this client.
        client(newClient(unique("lain"))).multiPart("file", "surat.pdf", Pdfs.withMarker(2, 2, "#"), "application/pdf").multiPart("nik", NIK)
                .multiPart("passphrase", PASS).multiPart("tampilan", "visible").multiPart("image", "false").multiPart("tag_koordinat", "#")
                .multiPart("linkQR", "https://desa.example/surat/77").post("/api/sign/pdf").then().statusCode(400)
                .body("error", containsString("linkQR"));
        client(c).multiPart("file", "surat.pdf", Pdfs.withMarker(2, 2, "#"), "application/pdf").multiPart("nik", NIK)
                .multiPart("passphrase", PASS).multiPart("tampilan", "visible").multiPart("image", "false").multiPart("tag_koordinat", "#")
                .multiPart("linkQR", "javascript:alert(1)").post("/api/sign/pdf").then().statusCode(400).body("error", containsString("linkQR"));
        Response signed = client(c).multiPart("file", "surat.pdf", Pdfs.withMarker(2, 2, "#"), "application/pdf").multiPart("nik", NIK)
                .multiPart("passphrase", PASS).multiPart("tampilan", "visible").multiPart("image", "false")
                .multiPart("linkQR", "https://desa.example/surat/77").multiPart("tag_koordinat", "#").multiPart("width", "180")
                .post("/api/sign/pdf");
        signed.then().statusCode(200).contentType("application/pdf").header("id_dokumen", org.hamcrest.Matchers.notNullValue());
        assertThat(pdfsig(signed.asByteArray())).contains("Signature is Valid.").contains("Budi Santoso");
        assertThat(AppearanceAndBatchTest.qrOnPage(signed.asByteArray(), 2)).isEqualTo("https://desa.example/surat/77");
        String id = signed.header("id_dokumen");
        byte[] downloaded = client(c).get("/api/sign/download/" + id).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(downloaded).isEqualTo(signed.asByteArray());
        client(c).get("/api/sign/download/" + id).then().statusCode(404).body("error", equalTo("Dokumen telah didownload sebelumnya"));
        client(newClient(unique("lain"))).get("/api/sign/download/" + id).then().statusCode(404);
        client(c).get("/api/sign/download/bukan-id").then().statusCode(404).body("status_code", equalTo(404));
        given().get("/api/sign/download/" + id).then().statusCode(401);
        client(c).multiPart("nik", NIK).post("/api/sign/verify").then().statusCode(400).body("status_code", equalTo(400));
        given().multiPart("signed_file", "a.pdf", Pdfs.letter(1), "application/pdf").post("/api/sign/verify").then().statusCode(401);

        // Coordinates the BSrE v1 way: xAxis/yAxis from the bottom-left corner.
        client(c).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", NIK).multiPart("passphrase", PASS)
                .multiPart("tampilan", "visible").multiPart("image", "true").multiPart("imageTTD", "ttd.png", Pdfs.specimen(), "image/png")
                .multiPart("halaman", "first").multiPart("xAxis", "50").multiPart("yAxis", "50").multiPart("width", "150").multiPart("height", "60")
                .post("/api/sign/pdf").then().statusCode(200);

        client(c).multiPart("signed_file", "surat_signed.pdf", downloaded, "application/pdf").post("/api/sign/verify").then().statusCode(200)
                .body("nama_dokumen", equalTo("surat_signed.pdf")).body("jumlah_signature", equalTo(1)).body("summary", equalTo("VALID"))
                .body("notes", equalTo("Dokumen valid, Sertifikat yang digunakan terpercaya"))
                .body("details[0].info_signer.signer_name", equalTo("Budi Santoso"))
                .body("details[0].info_signer.cert_user_certified", equalTo(true))
                .body("details[0].signature_document.document_integrity", equalTo(true))
                .body("details[0].signature_document.signed_using_tsa", equalTo(true))
                .body("details[0].info_tsa.name", equalTo("Test TSA"));
        client(c).multiPart("signed_file", "a.pdf", Pdfs.letter(1), "application/pdf").post("/api/sign/verify").then().statusCode(200)
                .body("jumlah_signature", equalTo(0)).body("summary", nullValue()).body("notes", equalTo("Dokumen belum ditandatangani secara elektronik"));

        client(c).get("/api/user/status/" + NIK).then().statusCode(200).body("status_code", equalTo(1111)).body("status", equalTo("ISSUE"))
                .body("message", equalTo("User sudah terdaftar dan memiliki sertifikat dengan status ISSUE"));
        client(c).get("/api/user/status/3502019999990099").then().statusCode(200).body("status_code", equalTo(1110))
                .body("status", equalTo("NOT_REGISTERED")).body("message", equalTo("User belum terdaftar"));
        client(c).get("/api/user/status/3502071804930007").then().statusCode(200).body("status_code", equalTo(1112))
                .body("status", equalTo("WAITING_FOR_VERIFICATION"));
        client(c).get("/api/user/status/12").then().statusCode(400).body("status_code", equalTo(400));
    }

    @Test
    void v1_errors_keepBsreBodies_andCredentialsAreChecked() {
        Map<String, String> c = newClient(unique("hr"));
        client(c).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", NIK).multiPart("passphrase", "Salah#Sekali1")
                .post("/api/sign/pdf").then().statusCode(400).contentType("application/json")
                .body("error", equalTo("Passphrase anda salah")).body("status_code", equalTo(2031));
        client(c).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", "3502019999990099").multiPart("passphrase", PASS)
                .post("/api/sign/pdf").then().statusCode(400).body("status_code", equalTo(2011)).body("error", equalTo("User tidak terdaftar"));
        client(c).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", "3502106207900002").multiPart("passphrase", PASS)
                .post("/api/sign/pdf").then().statusCode(400).body("status_code", equalTo(2021)).body("error", containsString("SUSPEND"));
        client(c).multiPart("file", "a.pdf", "bukan pdf".getBytes(), "application/pdf").multiPart("nik", NIK).multiPart("passphrase", PASS)
                .post("/api/sign/pdf").then().statusCode(400).body("error", containsString("Proses signing gagal : "));
        client(c).multiPart("file", "enc.pdf", Pdfs.encrypted(), "application/pdf").multiPart("nik", NIK).multiPart("passphrase", PASS)
                .post("/api/sign/pdf").then().statusCode(422).body("error", containsString("Proses signing gagal : "));
        client(c).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", PASS)
                .post("/api/sign/pdf").then().statusCode(400).body("error", containsString("nik"));
        client(c).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", NIK).multiPart("passphrase", PASS)
                .multiPart("tampilan", "visible").multiPart("tag_koordinat", "@@").post("/api/sign/pdf").then().statusCode(422)
                .body("error", containsString("tidak ditemukan"));
        byte[] big = new byte[1024 * 1024 + 10];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        client(c).multiPart("file", "big.pdf", big, "application/pdf").multiPart("nik", NIK).multiPart("passphrase", PASS)
                .post("/api/sign/pdf").then().statusCode(413).body("status_code", equalTo(413));

        // Credentials: none, wrong secret, unknown user, garbage, a Bearer token, a foreign address, a disabled client.
        given().multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").post("/api/sign/pdf").then().statusCode(401)
                .body("status_code", equalTo(401)).header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic(c.get("username"), "salah").get("/api/user/status/" + NIK).then().statusCode(401);
        given().auth().preemptive().basic("tidak-ada", "salah").get("/api/user/status/" + NIK).then().statusCode(401);
        given().header("Authorization", "Basic %%%").get("/api/user/status/" + NIK).then().statusCode(401).body("error", equalTo("Unauthorized"));
        as(CertificateServiceStandIn.SIGNER).get("/api/user/status/" + NIK).then().statusCode(401);
        client(c).header("X-Forwarded-For", "10.20.3.4").get("/api/user/status/" + NIK).then().statusCode(200);
        client(c).header("X-Forwarded-For", "192.168.9.9").get("/api/user/status/" + NIK).then().statusCode(401);
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/admin/clients/" + c.get("id"))
                .then().statusCode(200).body("enabled", equalTo(false));
        client(c).get("/api/user/status/" + NIK).then().statusCode(401);
    }

    /** The gateway's identity header written here independently of the kit (format v2: bound to method and path, one use). */
    static String assertion(String username, long expiry, String key, String method, String path) throws Exception {
        byte[] nonceBytes = new byte[16];
        new java.security.SecureRandom().nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] sig = mac.doFinal(("teken-client-v2\n" + username + "\n" + expiry + "\n" + nonce + "\n" + method + "\n" + path)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "v2;" + username + ";" + expiry + ";" + nonce + ";" + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    @Test
    void gateway_checksBasicCredentialsInternally_andItsIdentityHeaderStandsForTheClient() throws Exception {
        Map<String, String> c = newClient(unique("gw"));
        String internal = "Bearer stand-in-token";
        // The gateway's check: right credentials and address -> the client; everything else one 401 CLIENT_UNAUTHENTICATED.
        given().header("Authorization", internal).contentType(ContentType.JSON)
                .body(Map.of("username", c.get("username"), "secret", c.get("secret"), "address", "10.20.1.2"))
                .post("/internal/v1/system-clients/authentication").then().statusCode(200)
                .body("username", equalTo(c.get("username"))).body("id", equalTo(c.get("id"))).body("$", not(hasKey("secret")));
        given().header("Authorization", internal).contentType(ContentType.JSON)
                .body(Map.of("username", c.get("username"), "secret", "salah", "address", "10.20.1.2"))
                .post("/internal/v1/system-clients/authentication").then().statusCode(401).body("code", equalTo("CLIENT_UNAUTHENTICATED"));
        given().header("Authorization", internal).contentType(ContentType.JSON)
                .body(Map.of("username", c.get("username"), "secret", c.get("secret"), "address", "192.168.1.1"))
                .post("/internal/v1/system-clients/authentication").then().statusCode(401).body("code", equalTo("CLIENT_UNAUTHENTICATED"));
        given().header("Authorization", internal).contentType(ContentType.JSON)
                .body(Map.of("username", "x".repeat(70_000), "secret", "s", "address", "10.20.1.2"))
                .post("/internal/v1/system-clients/authentication").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(413)));
        given().header("Authorization", internal).contentType(ContentType.JSON).body("{\"username\":")
                .post("/internal/v1/system-clients/authentication").then().statusCode(400);
        given().header("Authorization", internal).contentType(ContentType.JSON)
                .post("/internal/v1/system-clients/authentication").then().statusCode(400);
        // Only the gateway may ask: no service token, a wrong one, or a user's JWT -> 401 SERVICE_UNAUTHENTICATED.
        given().contentType(ContentType.JSON).body(Map.of("username", c.get("username"), "secret", c.get("secret"), "address", "10.20.1.2"))
                .post("/internal/v1/system-clients/authentication").then().statusCode(401).body("code", equalTo("SERVICE_UNAUTHENTICATED"));
        given().header("Authorization", "Bearer salah").contentType(ContentType.JSON)
                .body(Map.of("username", c.get("username"), "secret", c.get("secret"), "address", "10.20.1.2"))
                .post("/internal/v1/system-clients/authentication").then().statusCode(401).body("code", equalTo("SERVICE_UNAUTHENTICATED"))
                .body(not(containsString(c.get("secret"))));

        // The identity the gateway forwards: accepted while signed with the assertion key (not the internal token),
        // unexpired, for the method and path it names, once, for an enabled client calling from an allowed address.
        long soon = java.time.Instant.now().getEpochSecond() + 60;
        String status = "/api/user/status/" + NIK;
        String key = "stand-in-assertion-key";
        given().header("X-Teken-Client", assertion(c.get("username"), soon, key, "GET", status))
                .get(status).then().statusCode(200).body("status_code", equalTo(1111));
        given().header("X-Teken-Client", assertion(c.get("username"), soon, key, "POST", "/api/v1/signatures"))
                .multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", NIK).multiPart("passphrase", PASS)
                .post("/api/v1/signatures").then().statusCode(200).header("X-Document-Id", org.hamcrest.Matchers.notNullValue());
        String once = assertion(c.get("username"), soon, key, "GET", status);
        given().header("X-Teken-Client", once).get(status).then().statusCode(200);
        given().header("X-Teken-Client", once).get(status).then().statusCode(401).body("error", equalTo("Unauthorized")); // replayed
        given().header("X-Teken-Client", assertion(c.get("username"), soon, key, "GET", "/api/user/status/3502019999990099"))
                .get(status).then().statusCode(401); // made for another path
        given().header("X-Teken-Client", assertion(c.get("username"), soon, key, "POST", status))
                .get(status).then().statusCode(401); // made for another method
        given().header("X-Teken-Client", assertion(c.get("username"), soon, "stand-in-token", "GET", status))
                .get(status).then().statusCode(401).body("error", equalTo("Unauthorized")); // signed with the internal token
        given().header("X-Teken-Client", assertion(c.get("username"), java.time.Instant.now().getEpochSecond() - 1, key, "GET", status))
                .get(status).then().statusCode(401);
        given().header("X-Teken-Client", assertion(c.get("username"), soon + 3600, key, "GET", status))
                .get(status).then().statusCode(401);
        given().header("X-Teken-Client", "garbage").get(status).then().statusCode(401);
        given().header("X-Teken-Client", assertion(c.get("username"), soon, key, "GET", status)).header("X-Forwarded-For", "192.168.9.9")
                .get(status).then().statusCode(401);
        given().header("X-Teken-Client", assertion("tidak-ada", soon, key, "POST", "/api/v1/signatures"))
                .multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", NIK).multiPart("passphrase", PASS)
                .post("/api/v1/signatures").then().statusCode(401).body("code", equalTo("CLIENT_UNAUTHENTICATED"));
        as(ADMIN, "ASN", "ADMIN").contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/admin/clients/" + c.get("id"))
                .then().statusCode(200);
        given().header("X-Teken-Client", assertion(c.get("username"), soon, key, "GET", status))
                .get(status).then().statusCode(401);
    }

    @Test
    void v2_json_signsSeveralFilesWithOnePassphrase_verifies_andChecksStatus() throws Exception {
        Map<String, String> c = newClient(unique("v2"));
        String a = Base64.getEncoder().encodeToString(Pdfs.letter(1));
        String b = Base64.getEncoder().encodeToString(Pdfs.withMarker(1, 1, "#"));
        Response r = client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "passphrase", PASS,
                        "signatureProperties", List.of(Map.of("tampilan", "INVISIBLE", "reason", "Setuju"),
                                Map.of("tampilan", "VISIBLE", "tag_koordinat", "#", "width", 180, "height", 70, "location", "Ponorogo")),
                        "file", List.of(a, b)))
                .post("/api/v2/sign/pdf");
        r.then().statusCode(200).body("file.size()", equalTo(2)).body("time", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
        byte[] second = Base64.getDecoder().decode((String) r.path("file[1]"));
        assertThat(pdfsig(second)).contains("Signature is Valid.");
        client(c).contentType(ContentType.JSON).body(Map.of("file", Base64.getEncoder().encodeToString(second))).post("/api/v2/verify/pdf")
                .then().statusCode(200).body("conclusion", equalTo("VALID")).body("signatureCount", equalTo(1))
                .body("signatureInformations[0].signerName", equalTo("Budi Santoso"))
                .body("signatureInformations[0].signatureFormat", equalTo("PAdES_BASELINE_LT"))
                .body("signatureInformations[0].timestampInfomation.signerName", equalTo("Test TSA"))
                .body("signatureInformations[0].certificateDetails[0].signatureAlgoritm", org.hamcrest.Matchers.notNullValue())
                .body("signatureInformations[0].integrityValid", equalTo(true)).body("signatureInformations[0].certificateTrusted", equalTo(true))
                .body("signatureInformations[0].lastSignature", equalTo(true)).body("signatureInformations[0].location", equalTo("Ponorogo"));
        client(c).contentType(ContentType.JSON).body(Map.of("file", a)).post("/api/v2/verify/pdf").then().statusCode(200)
                .body("conclusion", equalTo("NO_SIGNATURE")).body("signatureCount", equalTo(0));
        client(c).contentType(ContentType.JSON).body(Map.of("email", CertificateServiceStandIn.SIGNER_EMAIL, "passphrase", PASS, "file", List.of(a)))
                .post("/api/v2/sign/pdf").then().statusCode(200).body("file.size()", equalTo(1));

        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "passphrase", "Salah#Sekali1", "file", List.of(a)))
                .post("/api/v2/sign/pdf").then().statusCode(400).body("status_code", equalTo(2031)).body("error", equalTo("Passphrase anda salah"));
        // BSrE's sign TOTP: the signer is asked (a mail with the code and a link, in certificate-service), approves with the
        // passphrase there, and the client signs with the code; before the approval, and with a wrong code, it is refused.
        CertificateServiceStandIn.APPROVED.set(false);
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "data", 1)).post("/api/v2/sign/get/totp").then().statusCode(200)
                .body("success", equalTo(true)).body("data.result", equalTo(true)).body("data.expires", org.hamcrest.Matchers.notNullValue());
        assertThat(CertificateServiceStandIn.APPROVAL_REQUESTS).anyMatch(req -> req.endsWith(" 1") && req.contains(" client:"));
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "data", "banyak")).post("/api/v2/sign/get/totp").then().statusCode(400);
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "data", 0)).post("/api/v2/sign/get/totp").then().statusCode(400);
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "totp", CertificateServiceStandIn.APPROVAL_CODE, "file", List.of(a)))
                .post("/api/v2/sign/pdf").then().statusCode(400).body("status_code", equalTo(2034));
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "totp", "123456", "file", List.of(a)))
                .post("/api/v2/sign/pdf").then().statusCode(400).body("status_code", equalTo(2033)).body("error", containsString("TOTP"));
        CertificateServiceStandIn.APPROVED.set(true);
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "totp", CertificateServiceStandIn.APPROVAL_CODE, "file", List.of(a)))
                .post("/api/v2/sign/pdf").then().statusCode(200).body("file.size()", equalTo(1));
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "passphrase", PASS, "file", List.of("@@@")))
                .post("/api/v2/sign/pdf").then().statusCode(400).body("error", containsString("base64"));
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "passphrase", PASS, "file", List.of()))
                .post("/api/v2/sign/pdf").then().statusCode(400);
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "passphrase", PASS, "file", List.of(a, a, a, a)))
                .post("/api/v2/sign/pdf").then().statusCode(400).body("error", containsString("Maksimal 3"));
        byte[] big = new byte[1024 * 1024 + 10];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "passphrase", PASS, "file", List.of(Base64.getEncoder().encodeToString(big))))
                .post("/api/v2/sign/pdf").then().statusCode(413).body("status_code", equalTo(413));
        client(c).contentType(ContentType.JSON).body(Map.of()).post("/api/v2/verify/pdf").then().statusCode(400).body("status_code", equalTo(400));
        client(c).contentType(ContentType.JSON).body(Map.of("file", "bukan base64 !!")).post("/api/v2/verify/pdf").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("file", a)).post("/api/v2/verify/pdf").then().statusCode(401);
        client(c).contentType(ContentType.JSON).body("{\"nik\": ").post("/api/v2/sign/pdf").then().statusCode(400)
                .body("status_code", equalTo(400)).body("$", not(hasKey("type")));
        client(c).contentType(ContentType.JSON).body(Map.of("passphrase", PASS, "file", List.of(a))).post("/api/v2/sign/pdf")
                .then().statusCode(400).body("error", containsString("nik"));
        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK, "passphrase", PASS, "file", List.of(a),
                        "signatureProperties", List.of(Map.of("tampilan", "VISIBLE", "page", 1, "originX", 10, "originY", 10), Map.of("tampilan", "INVISIBLE"))))
                .post("/api/v2/sign/pdf").then().statusCode(400).body("error", containsString("satu per berkas"));

        client(c).contentType(ContentType.JSON).body(Map.of("nik", NIK)).post("/api/v2/user/check/status").then().statusCode(200)
                .body("status", equalTo("ISSUE")).body("status_code", equalTo(1111));
        client(c).contentType(ContentType.JSON).body(Map.of("email", "siti.rahayu@ponorogo.go.id")).post("/api/v2/user/check/status")
                .then().statusCode(200).body("status", equalTo("SUSPEND"));
        client(c).contentType(ContentType.JSON).body(Map.of()).post("/api/v2/user/check/status").then().statusCode(400);
        client(c).contentType(ContentType.JSON).body(Map.of("nik", "3502999999990001", "data", 1)).post("/api/v2/sign/get/totp").then()
                .statusCode(400).body("status_code", equalTo(2011));
        given().contentType(ContentType.JSON).body(Map.of("nik", NIK, "data", 1)).post("/api/v2/sign/get/totp").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("nik", NIK)).post("/api/v2/user/check/status").then().statusCode(401)
                .body("status_code", equalTo(401));
    }

    /** The request shapes real integrations send besides the guide's (BSRE-ESIGN-API.md, "variants to accept"). */
    @Test
    void theVariantsIntegrationsSend_areAccepted_withTheSameAnswers() throws Exception {
        Map<String, String> c = newClient(unique("varian"));
        String a = Base64.getEncoder().encodeToString(Pdfs.letter(1));
        // The NIK as a number (Node clients), tampilan in any letter case, extra fields such as contactInfo.
        Response signed = client(c).contentType(ContentType.JSON).body("{\"nik\": " + NIK + ", \"passphrase\": \"" + PASS
                + "\", \"signatureProperties\": [{\"tampilan\": \"Invisible\", \"contactInfo\": \"tu@ponorogo.go.id\"}], \"file\": [\"" + a + "\"]}")
                .post("/api/v2/sign/pdf");
        signed.then().statusCode(200).body("file.size()", equalTo(1));
        String signedPdf = signed.path("file[0]");
        // Verify v2 with file as an array of one, and the password fields some clients send along.
        client(c).contentType(ContentType.JSON).body(Map.of("file", List.of(signedPdf), "passsword", "")).post("/api/v2/verify/pdf")
                .then().statusCode(200).body("conclusion", equalTo("VALID")).body("signatureCount", equalTo(1));
        client(c).contentType(ContentType.JSON).body(Map.of("file", List.of(signedPdf, a))).post("/api/v2/verify/pdf")
                .then().statusCode(400).body("status_code", equalTo(400));
        client(c).contentType(ContentType.JSON).body(Map.of("file", List.of())).post("/api/v2/verify/pdf").then().statusCode(400);
        client(c).contentType(ContentType.JSON).body(Map.of("file", Map.of("x", 1))).post("/api/v2/verify/pdf").then().statusCode(400);
        // POST /api/verify/pdf with the multipart field file: the v1 verification's answer.
        client(c).multiPart("file", "surat_signed.pdf", Base64.getDecoder().decode(signedPdf), "application/pdf").post("/api/verify/pdf")
                .then().statusCode(200).body("jumlah_signature", equalTo(1));
        client(c).multiPart("nik", NIK).post("/api/verify/pdf").then().statusCode(400).body("status_code", equalTo(400));
        given().multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").post("/api/verify/pdf").then().statusCode(401)
                .body("status_code", equalTo(401));
        // /api/v2/user/check-status and GET /api/user/profile/{nik}: the status answers.
        client(c).contentType(ContentType.JSON).body(Map.of("email", CertificateServiceStandIn.SIGNER_EMAIL)).post("/api/v2/user/check-status")
                .then().statusCode(200).body("status", equalTo("ISSUE")).body("status_code", equalTo(1111));
        client(c).contentType(ContentType.JSON).body(Map.of()).post("/api/v2/user/check-status").then().statusCode(400);
        client(c).get("/api/user/profile/" + NIK).then().statusCode(200).body("status_code", equalTo(1111)).body("status", equalTo("ISSUE"));
        client(c).get("/api/user/profile/12").then().statusCode(400).body("status_code", equalTo(400));
        given().get("/api/user/profile/" + NIK).then().statusCode(401).body("status_code", equalTo(401));
    }

    @Test
    void aSystemClient_signsThroughTheV1Api_namingTheSigner() throws Exception {
        Map<String, String> c = newClient(unique("portal"));
        byte[] pdf = client(c).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", NIK).multiPart("passphrase", PASS)
                .post("/api/v1/signatures").then().statusCode(200).header("X-Signature-Level", "PAdES-BASELINE-LT").extract().asByteArray();
        assertThat(pdfsig(pdf)).contains("Signature is Valid.");
        client(c).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("passphrase", PASS)
                .post("/api/v1/signatures").then().statusCode(400).contentType("application/problem+json").body("code", equalTo("SIGNER_REQUIRED"));
        client(c).multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf").multiPart("nik", NIK).multiPart("nip", "198503152010011001")
                .multiPart("passphrase", PASS).post("/api/v1/signatures").then().statusCode(400).body("code", equalTo("SIGNER_REQUIRED"));
        given().auth().preemptive().basic(c.get("username"), "salah").multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("nik", NIK).multiPart("passphrase", PASS).post("/api/v1/signatures").then().statusCode(401)
                .body("code", equalTo("CLIENT_UNAUTHENTICATED"));
    }
}
