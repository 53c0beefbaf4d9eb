package id.teken.e2e;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a relying party says of Teken's signatures years later, tried on the packaged stack: EU DSS in this JVM trusting
 * only Teken's root (online CRL/OCSP/AIA allowed), poppler's pdfsig with the root in an NSS database, openssl with both
 * CRLs. The default level is PAdES-BASELINE-LT, B-LTA on request; a file signed before the signer's passphrase reset (its
 * certificate since revoked as superseded) still passes; one changed byte fails both validators.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelyingPartyTest {

    static PackagedStack services;
    static Properties signer;
    static Path out;
    static Path nss;
    static Path root;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void walkTheJourney() throws Exception {
        services = PackagedStack.start("relying", Map.of());
        out = services.work.resolve("demo");
        ProcessBuilder demo = new ProcessBuilder("bash", services.root.resolve("demo/demo.sh").toString())
                .directory(services.root.toFile()).redirectErrorStream(true)
                .redirectOutput(services.work.resolve("logs/demo.log").toFile());
        demo.environment().put("TEKEN_URL", services.gateway());
        demo.environment().put("TEKEN_MAIL_API", services.stack.mailApiUrl());
        demo.environment().put("TEKEN_DEMO_OUT", out.toString());
        demo.environment().put("TEKEN_DEMO_WAIT", "120");
        demo.environment().put("TEKEN_DEMO_NIP", "199511052022022001");   // not the ASN the other stacks of this run walk
        Process run = demo.start();
        assertThat(run.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(services.work.resolve("logs/demo.log"))).isZero();
        signer = new Properties();
        try (var in = Files.newBufferedReader(out.resolve("signer.env"))) {
            signer.load(in);
        }
        root = Files.write(services.work.resolve("root.der"), get("/pki/ca/root.crt"));
        Path rootPem = services.work.resolve("root.pem");
        run("openssl", "x509", "-inform", "DER", "-in", root.toString(), "-out", rootPem.toString());
        nss = Files.createDirectories(services.work.resolve("nss"));
        run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        run("certutil", "-A", "-d", "sql:" + nss, "-n", "teken-root", "-t", "CT,C,C", "-i", rootPem.toString());
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.stop();
        }
    }

    static byte[] get(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(services.gateway() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    /** EU DSS with Teken's root as the only trust anchor: the indication and level of the (first) signature. */
    static String[] dss(byte[] pdf) throws Exception {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(DSSUtils.loadCertificate(Files.readAllBytes(root)));
        verifier.setTrustedCertSources(trusted);
        CommonsDataLoader loader = new CommonsDataLoader();
        verifier.setCrlSource(new OnlineCRLSource(loader));
        verifier.setOcspSource(new OnlineOCSPSource(new OCSPDataLoader()));
        verifier.setAIASource(new DefaultAIASource(loader));
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        SimpleReport report = validator.validateDocument().getSimpleReport();
        String id = report.getFirstSignatureId();
        return new String[] {String.valueOf(report.getIndication(id)), String.valueOf(report.getSubIndication(id)),
                String.valueOf(report.getSignatureFormat(id))};
    }

    static String pdfsig(byte[] pdf) throws Exception {
        Path file = Files.write(services.work.resolve("check-" + UUID.randomUUID() + ".pdf"), pdf);
        return run("pdfsig", "-nssdir", "sql:" + nss, file.toString());
    }

    static byte[] sign(String level) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(services.gateway() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"nip\":\"" + signer.getProperty("NIP")
                        + "\",\"password\":\"" + signer.getProperty("PASSWORD") + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String token = login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
        String boundary = "teken" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"surat.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(services.root.resolve("demo/surat-demo.pdf")));
        body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"passphrase\"\r\n\r\n" + signer.getProperty("PASSPHRASE")
                + (level == null ? "" : "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"level\"\r\n\r\n" + level)
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(services.gateway() + "/api/v1/signatures"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    static byte[] tampered(byte[] signed) {
        byte[] copy = signed.clone();
        String raw = new String(copy, StandardCharsets.ISO_8859_1);
        int at = raw.indexOf("/MediaBox");
        int digit = at;
        while (!Character.isDigit(raw.charAt(digit))) {
            digit++;
        }
        copy[digit] = (byte) (raw.charAt(digit) == '5' ? '6' : '5');
        return copy;
    }

    @Test
    void aFreshSignature_atTheDefaultLevel_isTotalPassedAtLt_forDssAndTrustedForPdfsig() throws Exception {
        byte[] signed = sign(null);
        assertThat(dss(signed)).containsExactly("TOTAL_PASSED", "null", "PAdES-BASELINE-LT");
        String pdfsig = pdfsig(signed);
        assertThat(pdfsig).contains("Signature is Valid.").contains("Certificate is Trusted.");
        byte[] broken = tampered(signed);
        assertThat(dss(broken)[0]).isNotEqualTo("TOTAL_PASSED");
        assertThat(pdfsig(broken)).doesNotContain("Signature is Valid.");
    }

    @Test
    void bLta_onRequest_isTotalPassedAtLta() throws Exception {
        assertThat(dss(sign("B-LTA"))).containsExactly("TOTAL_PASSED", "null", "PAdES-BASELINE-LTA");
    }

    @Test
    void aFileSignedBeforeThePassphraseReset_staysTotalPassed() throws Exception {
        byte[] before = Files.readAllBytes(out.resolve("surat-demo_signed.pdf"));
        assertThat(dss(before)).as("signed before the reset; its certificate is now revoked (superseded)")
                .containsExactly("TOTAL_PASSED", "null", "PAdES-BASELINE-LT");
        assertThat(pdfsig(before)).contains("Signature is Valid.");
    }

    /** Last: it suspends the signer's certificate (and reinstates it afterwards). */
    @Test
    @Order(Integer.MAX_VALUE)
    void aFileSignedBeforeASuspension_staysTotalPassed_whileTheCertificateIsOnHold() throws Exception {
        byte[] before = sign(null);
        long signedAt = System.nanoTime();
        String owner = token(signer.getProperty("NIP"));
        HttpResponse<String> mine = http.send(HttpRequest.newBuilder(URI.create(services.gateway() + "/api/v1/me/certificate"))
                .header("Authorization", "Bearer " + owner).GET().build(), HttpResponse.BodyHandlers.ofString());
        String serial = mine.body().replaceAll(".*\"serialNumber\":\"([0-9A-Fa-f]+)\".*", "$1");
        String verifier = token(PackagedStack.VERIFIER);
        // "Later" by more than the one-second precision of revocation times (OCSP and CRL times carry whole seconds): a
        // suspension within the same second as the time stamp cannot be told apart from one just before it, and DSS
        // then rightly answers INDETERMINATE/TRY_LATER for a certificate on hold.
        long waited = (System.nanoTime() - signedAt) / 1_000_000;
        if (waited < 1500) {
            Thread.sleep(1500 - waited);
        }
        assertThat(verifierAction(verifier, serial, "suspend", "{\"alasan\":\"dugaan penyalahgunaan\"}").statusCode()).isEqualTo(200);
        try {
            assertThat(dss(before)).as("signed before the suspension; OCSP now says certificateHold")
                    .containsExactly("TOTAL_PASSED", "null", "PAdES-BASELINE-LT");
            assertThat(pdfsig(before)).contains("Signature is Valid.");
        } finally {
            assertThat(verifierAction(verifier, serial, "unsuspend", "{}").statusCode()).isEqualTo(200);
        }
    }

    static HttpResponse<String> verifierAction(String bearer, String serial, String action, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(services.gateway() + "/api/v1/verifier/certificates/" + serial + "/" + action))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A bearer token for this NIP (the demo gave the signer and the verifier the same password). */
    static String token(String nip) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(services.gateway() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"nip\":\"" + nip
                        + "\",\"password\":\"" + signer.getProperty("PASSWORD") + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    /**
     * The CSC API v2 walked blind, as an integrator's client does: info -> auth/login -> credentials/list -> credentials/info
     * -> credentials/authorize -> signatures/signHash, the signature verified with the certificate credentials/info gave;
     * then a wrong passphrase, a reused SAD, a SAD for other hashes, a forged token, another user's credential.
     */
    @Test
    void theCscApi_walkedBlind_signsAHash_thatTheReturnedCertificateVerifies() throws Exception {
        CscClient csc = new CscClient(services.gateway());
        CscClient.Answer info = csc.call("info", null, "{}");
        assertThat(info.status()).as(info.body().toString()).isEqualTo(200);
        assertThat(info.body().path("specs").asText()).startsWith("2.");
        assertThat(info.body().path("methods").toString()).contains("credentials/authorize").contains("signatures/signHash");

        assertThat(csc.login(signer.getProperty("NIP"), "salah-sekali").error()).isEqualTo("authentication_error");
        CscClient.Answer login = csc.login(signer.getProperty("NIP"), signer.getProperty("PASSWORD"));
        assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
        String token = login.body().path("access_token").asText();
        assertThat(login.body().path("expires_in").asLong()).isPositive();

        CscClient.Answer list = csc.call("credentials/list", token, java.util.Map.of("onlyValid", true));
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        String credential = list.body().path("credentialIDs").path(0).asText();
        assertThat(credential).isNotBlank();

        CscClient.Answer described = csc.call("credentials/info", token, java.util.Map.of("credentialID", credential,
                "certificates", "chain", "certInfo", true, "authInfo", true));
        assertThat(described.status()).as(described.body().toString()).isEqualTo(200);
        assertThat(described.body().path("key").path("status").asText()).isEqualTo("enabled");
        assertThat(described.body().path("cert").path("status").asText()).isEqualTo("valid");
        assertThat(described.body().path("cert").path("certificates")).as("leaf, issuing CA, root").hasSize(3);
        assertThat(described.body().path("authMode").asText()).isEqualTo("explicit");
        assertThat(described.body().path("SCAL").asText()).isEqualTo("2");
        java.security.cert.X509Certificate leaf = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(
                        described.body().path("cert").path("certificates").path(0).asText())));
        assertThat(leaf.getSerialNumber().toString(16)).isEqualToIgnoringCase(described.body().path("cert").path("serialNumber").asText());

        byte[] document = ("CSC " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String hash = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(document));
        String other = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest("lain".getBytes(StandardCharsets.UTF_8)));
        String sha256 = "2.16.840.1.101.3.4.2.1";
        CscClient.Answer wrong = csc.call("credentials/authorize", token, java.util.Map.of("credentialID", credential, "numSignatures", 1,
                "hashes", List.of(hash), "hashAlgorithmOID", sha256, "authData", List.of(java.util.Map.of("id", "PIN", "value", "Salah#Sekali9"))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error()).isEqualTo("invalid_pin");
        CscClient.Answer authorized = csc.call("credentials/authorize", token, java.util.Map.of("credentialID", credential, "numSignatures", 1,
                "hashes", List.of(hash), "hashAlgorithmOID", sha256,
                "authData", List.of(java.util.Map.of("id", "PIN", "value", signer.getProperty("PASSPHRASE")))));
        assertThat(authorized.status()).as(authorized.body().toString()).isEqualTo(200);
        String sad = authorized.body().path("SAD").asText();
        assertThat(authorized.body().path("expiresIn").asLong()).isBetween(1L, 300L);

        java.util.Map<String, Object> forOther = java.util.Map.of("credentialID", credential, "SAD", sad, "hashes", List.of(other),
                "hashAlgorithmOID", sha256, "signAlgo", "1.2.840.113549.1.1.1");
        assertThat(csc.call("signatures/signHash", token, forOther).error()).as("a SAD for other hashes").isEqualTo("invalid_request");
        CscClient.Answer signed = csc.call("signatures/signHash", token, java.util.Map.of("credentialID", credential, "SAD", sad,
                "hashes", List.of(hash), "hashAlgorithmOID", sha256, "signAlgo", "1.2.840.113549.1.1.1"));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        java.security.Signature check = java.security.Signature.getInstance("SHA256withRSA");
        check.initVerify(leaf.getPublicKey());
        check.update(document);
        assertThat(check.verify(Base64.getDecoder().decode(signed.body().path("signatures").path(0).asText())))
                .as("the signature verifies with the certificate credentials/info returned").isTrue();
        CscClient.Answer reused = csc.call("signatures/signHash", token, java.util.Map.of("credentialID", credential, "SAD", sad,
                "hashes", List.of(hash), "signAlgo", "1.2.840.113549.1.1.11"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.error()).as("a used SAD").isEqualTo("invalid_request");

        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        CscClient.Answer refused = csc.call("credentials/list", forged, "{}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.error()).isEqualTo("invalid_token");
        assertThat(csc.call("credentials/list", null, "{}").error()).isEqualTo("invalid_token");
        // Another signed-in user (the demo's verifier, an ASN without a certificate) sees no credential and cannot use this one.
        String stranger = token(PackagedStack.VERIFIER);
        assertThat(csc.call("credentials/list", stranger, "{}").body().path("credentialIDs")).isEmpty();
        assertThat(csc.call("credentials/info", stranger, java.util.Map.of("credentialID", credential)).error()).isEqualTo("invalid_request");
        assertThat(csc.call("credentials/authorize", stranger, java.util.Map.of("credentialID", credential, "numSignatures", 1,
                "hashes", List.of(hash), "authData", List.of(java.util.Map.of("id", "PIN", "value", signer.getProperty("PASSPHRASE"))))).error())
                .isEqualTo("invalid_request");
        assertThat(csc.call("credentials/info", token, "{not json").status()).isEqualTo(400);
        assertThat(described.body().path("cert").path("subjectDN").asText()).contains("emailAddress=").contains("CN=");
        // Missing, malformed and unsupported parameters: invalid_request, and no PIN is counted for them.
        java.util.Map<String, Object> pin = java.util.Map.of("id", "PIN", "value", signer.getProperty("PASSPHRASE"));
        List<Object> bad = List.of(
                java.util.Map.of("numSignatures", 1, "hashes", List.of(hash), "authData", List.of(pin)),
                java.util.Map.of("credentialID", credential, "numSignatures", 2, "hashes", List.of(hash), "authData", List.of(pin)),
                java.util.Map.of("credentialID", credential, "hashes", List.of("%%%"), "authData", List.of(pin)),
                java.util.Map.of("credentialID", credential, "hashes", List.of("AAAA"), "authData", List.of(pin)),
                java.util.Map.of("credentialID", credential, "hashes", List.of(hash), "hashAlgorithmOID", "1.2.3", "authData", List.of(pin)),
                java.util.Map.of("credentialID", credential, "hashes", java.util.Collections.nCopies(101, hash), "authData", List.of(pin)),
                java.util.Map.of("credentialID", credential, "hashes", List.of()));
        for (Object body : bad) {
            CscClient.Answer refusedRequest = csc.call("credentials/authorize", token, body);
            assertThat(refusedRequest.status()).as(body.toString().substring(0, Math.min(200, body.toString().length()))).isEqualTo(400);
            assertThat(refusedRequest.error()).isEqualTo("invalid_request");
        }
        CscClient.Answer noPin = csc.call("credentials/authorize", token, java.util.Map.of("credentialID", credential, "hashes", List.of(hash)));
        assertThat(noPin.error()).isEqualTo("invalid_request");
        String sad2 = csc.call("credentials/authorize", token, java.util.Map.of("credentialID", credential, "numSignatures", 1,
                "hashes", List.of(hash), "authData", List.of(pin))).body().path("SAD").asText();
        assertThat(csc.call("signatures/signHash", token, java.util.Map.of("credentialID", credential, "SAD", sad2, "hashes", List.of(hash),
                "signAlgo", "1.2.840.113549.1.1.10", "signAlgoParams", "AAAA")).error()).as("PSS parameters not DER").isEqualTo("invalid_request");
        // RSASSA-PSS (with the usual parameters, sent explicitly as DER): verified by the JDK with the certificate.
        String pssParams = Base64.getEncoder().encodeToString(new org.bouncycastle.asn1.pkcs.RSASSAPSSparams(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256),
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_mgf1,
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                new org.bouncycastle.asn1.ASN1Integer(32), new org.bouncycastle.asn1.ASN1Integer(1)).getEncoded("DER"));
        String pssSad = csc.call("credentials/authorize", token, java.util.Map.of("credentialID", credential, "numSignatures", 1,
                "hashes", List.of(hash), "authData", List.of(pin))).body().path("SAD").asText();
        CscClient.Answer pssSigned = csc.call("signatures/signHash", token, java.util.Map.of("credentialID", credential, "SAD", pssSad,
                "hashes", List.of(hash), "signAlgo", "1.2.840.113549.1.1.10", "signAlgoParams", pssParams));
        assertThat(pssSigned.status()).as(pssSigned.body().toString()).isEqualTo(200);
        java.security.Signature pssCheck = java.security.Signature.getInstance("RSASSA-PSS");
        pssCheck.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        pssCheck.initVerify(leaf.getPublicKey());
        pssCheck.update(document);
        assertThat(pssCheck.verify(Base64.getDecoder().decode(pssSigned.body().path("signatures").path(0).asText())))
                .as("an RSASSA-PSS signature the certificate verifies").isTrue();
        assertThat(csc.call("signatures/signHash", token, java.util.Map.of("credentialID", credential, "SAD", sad2, "hashes", List.of(hash),
                "signAlgo", "1.2.840.113549.1.1.13")).error()).as("sha512WithRSA over a SHA-256 hash").isEqualTo("invalid_request");
        assertThat(csc.call("signatures/signHash", token, java.util.Map.of("credentialID", credential, "hashes", List.of(hash),
                "signAlgo", "1.2.840.113549.1.1.11")).error()).as("no SAD").isEqualTo("invalid_request");
        assertThat(csc.call("signatures/signHash", token, java.util.Map.of("credentialID", credential, "SAD", sad2, "hashes", List.of(hash),
                "signAlgo", "1.2.840.113549.1.1.11")).status()).as("the SAD still works after those refusals").isEqualTo(200);
        // auth/revoke: the token is refused from then on, also by signing-service (the revocation reaches it over Kafka).
        assertThat(csc.call("auth/revoke", token, "{}").status()).isEqualTo(204);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        CscClient.Answer afterRevoke = csc.call("credentials/list", token, "{}");
        while (afterRevoke.status() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            afterRevoke = csc.call("credentials/list", token, "{}");
        }
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.error()).isEqualTo("invalid_token");
        assertThat(csc.call("auth/revoke", token, "{}").error()).as("revoked already").isEqualTo("invalid_token");
        assertThat(csc.call("credentials/list", stranger, "{}").status()).as("other tokens keep working").isEqualTo(200);
        CscClient.Answer noBasic = csc.call("auth/login", null, "{}");
        assertThat(noBasic.status()).isEqualTo(400);
        assertThat(noBasic.error()).isEqualTo("invalid_request");
    }

    /**
     * signatures/signDoc walked blind: credentials/authorize without hashes (numSignatures documents, as real clients ask
     * for signDoc), then two PDFs sent as base64 come back signed, each judged by EU DSS (Teken's root only) and pdfsig;
     * the SAD is used up, will not serve signHash (SCAL 2: only hash-bound SADs sign hashes), and malformed calls are refused.
     */
    @Test
    void theCscApi_signDoc_signsPdfs_thatDssAndPdfsigAccept() throws Exception {
        CscClient csc = new CscClient(services.gateway());
        assertThat(csc.call("info", null, "{}").body().path("methods").toString()).contains("signatures/signDoc");
        String token = csc.login(signer.getProperty("NIP"), signer.getProperty("PASSWORD")).body().path("access_token").asText();
        String credential = csc.call("credentials/list", token, java.util.Map.of("onlyValid", true)).body().path("credentialIDs").path(0).asText();
        java.util.Map<String, Object> pin = java.util.Map.of("id", "PIN", "value", signer.getProperty("PASSPHRASE"));
        String letter = Base64.getEncoder().encodeToString(Files.readAllBytes(services.root.resolve("demo/surat-demo.pdf")));
        String scan = Base64.getEncoder().encodeToString(scannedPdf());

        // A SAD for documents does not sign a hash.
        String forHash = csc.call("credentials/authorize", token, java.util.Map.of("credentialID", credential, "numSignatures", 1,
                "authData", List.of(pin))).body().path("SAD").asText();
        String hash = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(new byte[] {1}));
        assertThat(csc.call("signatures/signHash", token, java.util.Map.of("credentialID", credential, "SAD", forHash,
                "hashes", List.of(hash), "signAlgo", "1.2.840.113549.1.1.11")).error()).as("SCAL 2").isEqualTo("invalid_request");

        CscClient.Answer authorized = csc.call("credentials/authorize", token, java.util.Map.of("credentialID", credential,
                "numSignatures", 2, "authData", List.of(pin)));
        assertThat(authorized.status()).as(authorized.body().toString()).isEqualTo(200);
        String sad = authorized.body().path("SAD").asText();
        java.util.Map<String, Object> document = java.util.Map.of("document", letter, "signature_format", "P",
                "conformance_level", "Ades-B-LT", "signAlgo", "1.2.840.113549.1.1.1", "signed_envelope_property", "Revision");
        // Malformed and unsupported: refused, and the SAD stays usable.
        List<java.util.Map<String, Object>> bad = List.of(
                java.util.Map.of("credentialID", credential, "SAD", sad),
                java.util.Map.of("credentialID", credential, "SAD", sad, "documents", List.of(java.util.Map.of("document", letter,
                        "signature_format", "C"))),
                java.util.Map.of("credentialID", credential, "SAD", sad, "documents", List.of(java.util.Map.of("document", letter,
                        "signed_envelope_property", "Certification"))),
                java.util.Map.of("credentialID", credential, "SAD", sad, "documents", List.of(java.util.Map.of("document", letter,
                        "conformance_level", "Ades-Z"))),
                java.util.Map.of("credentialID", credential, "SAD", sad, "documents", List.of(java.util.Map.of("document", "%%%"))),
                java.util.Map.of("credentialID", credential, "SAD", sad, "documents", List.of(java.util.Map.of("document",
                        Base64.getEncoder().encodeToString("bukan pdf".getBytes(StandardCharsets.UTF_8))))),
                java.util.Map.of("credentialID", credential, "SAD", sad, "documents", List.of(document), "operationMode", "A"),
                java.util.Map.of("credentialID", "00", "SAD", sad, "documents", List.of(document)));
        for (java.util.Map<String, Object> body : bad) {
            CscClient.Answer refused = csc.call("signatures/signDoc", token, body);
            assertThat(refused.status()).as(body.keySet() + " " + refused.body()).isEqualTo(400);
            assertThat(refused.error()).isEqualTo("invalid_request");
        }
        assertThat(csc.call("signatures/signDoc", null, java.util.Map.of("credentialID", credential, "SAD", sad,
                "documents", List.of(document))).status()).isEqualTo(401);
        String stranger = token(PackagedStack.VERIFIER);
        assertThat(csc.call("signatures/signDoc", stranger, java.util.Map.of("credentialID", credential, "SAD", sad,
                "documents", List.of(document))).error()).as("another user's credential").isEqualTo("invalid_request");

        CscClient.Answer signed = csc.call("signatures/signDoc", token, java.util.Map.of("credentialID", credential, "SAD", sad,
                "documents", List.of(document, java.util.Map.of("document", scan, "conformance_level", "Ades-B-LT"))));
        assertThat(signed.status()).as(signed.body().toString().substring(0, Math.min(300, signed.body().toString().length())))
                .isEqualTo(200);
        assertThat(signed.body().path("DocumentWithSignature")).hasSize(2);
        for (com.fasterxml.jackson.databind.JsonNode one : signed.body().path("DocumentWithSignature")) {
            byte[] pdf = Base64.getDecoder().decode(one.asText());
            assertThat(dss(pdf)).containsExactly("TOTAL_PASSED", "null", "PAdES-BASELINE-LT");
            assertThat(pdfsig(pdf)).contains("Signature is Valid.").contains("Certificate is Trusted.");
        }
        // Used up: two documents, two signatures.
        assertThat(csc.call("signatures/signDoc", token, java.util.Map.of("credentialID", credential, "SAD", sad,
                "documents", List.of(document))).error()).as("a used SAD").isEqualTo("invalid_request");
    }

    static HttpResponse<String> json(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(services.gateway() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * BSrE's sign TOTP through the gateway, as a Pemkab system walks it: get/totp mails the signer a code and a link; the
     * code is refused until the signer approves on the portal's page with the passphrase (which the system never sees);
     * then sign/pdf with the code signs the file (judged by DSS and pdfsig), once.
     */
    @Test
    void bsreSignTotp_theSignerApprovesWithThePassphrase_thenTheClientSignsWithTheCode() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((signer.getProperty("CLIENT_USER") + ":"
                + signer.getProperty("CLIENT_SECRET")).getBytes(StandardCharsets.UTF_8));
        String nik = signer.getProperty("NIK");
        String dinas = signer.getProperty("DINAS");
        id.teken.devstack.MailInbox inbox = new id.teken.devstack.MailInbox(services.stack.mailApiUrl());
        int before = inbox.messages(dinas).size();
        HttpResponse<String> asked = json("/api/v2/sign/get/totp", basic, "{\"nik\":\"" + nik + "\",\"data\":\"1\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(asked.body()).contains("\"result\":true");
        // Other mails to the signer may land meanwhile: wait for the approval mail itself.
        id.teken.devstack.MailInbox.Message mail = awaitMail(inbox, dinas, before, "Persetujuan Tanda Tangan");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("Kode TOTP: ([0-9]{6})").matcher(mail.text());
        assertThat(code.find()).isTrue();
        String link = mail.link("/persetujuan/").orElseThrow();
        String token = link.substring(link.lastIndexOf('/') + 1);
        String letter = Base64.getEncoder().encodeToString(Files.readAllBytes(services.root.resolve("demo/surat-demo.pdf")));
        String signWith = "{\"nik\":\"" + nik + "\",\"totp\":\"%s\",\"file\":[\"" + letter + "\"]}";

        HttpResponse<String> early = json("/api/v2/sign/pdf", basic, signWith.formatted(code.group(1)));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("2034");
        HttpResponse<String> wrong = json("/api/v2/sign/pdf", basic, signWith.formatted(code.group(1).equals("000000") ? "111111" : "000000"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("2033");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(services.gateway() + "/api/v1/signing-approvals/" + token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("\"status\":\"MENUNGGU\"").contains(signer.getProperty("CLIENT_USER"));
        assertThat(json("/api/v1/signing-approvals/" + token, null, "{\"passphrase\":\"Salah#Sekali9\"}").body()).contains("PASSPHRASE_WRONG");
        HttpResponse<String> approved = json("/api/v1/signing-approvals/" + token, null,
                "{\"passphrase\":\"" + signer.getProperty("PASSPHRASE") + "\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("DISETUJUI");

        HttpResponse<String> signed = json("/api/v2/sign/pdf", basic, signWith.formatted(code.group(1)));
        assertThat(signed.statusCode()).as(signed.body().substring(0, Math.min(300, signed.body().length()))).isEqualTo(200);
        byte[] pdf = Base64.getDecoder().decode(signed.body().replaceAll("(?s).*\"file\":\\[\"([^\"]+)\".*", "$1"));
        assertThat(dss(pdf)).containsExactly("TOTAL_PASSED", "null", "PAdES-BASELINE-LT");
        assertThat(pdfsig(pdf)).contains("Signature is Valid.").contains("Certificate is Trusted.");
        assertThat(json("/api/v2/sign/pdf", basic, signWith.formatted(code.group(1))).statusCode()).as("one document approved: used up")
                .isNotEqualTo(200);
    }

    /**
     * A client whose sign TOTP is a second factor (ADMIN's signTotp WITH_PASSPHRASE): get/totp mails the signer a code (no
     * approval link), and sign/pdf then needs the code and the passphrase together; either alone signs nothing.
     */
    @Test
    void bsreSignTotp_asASecondFactor_needsTheCodeAndThePassphraseTogether() throws Exception {
        HttpResponse<String> login = json("/api/v1/auth/login", null, "{\"nip\":\"198802292012052004\",\"password\":\""
                + signer.getProperty("PASSWORD") + "\"}");
        String admin = "Bearer " + field(login.body(), "accessToken");
        String name = "eoffice-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        HttpResponse<String> client = json("/api/v1/admin/clients", admin, "{\"username\":\"" + name + "\",\"allowedIps\":"
                + "[\"0.0.0.0/0\",\"::/0\"],\"scope\":{\"signers\":[\"" + signer.getProperty("NIP") + "\"]},\"signTotp\":\"WITH_PASSPHRASE\"}");
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        assertThat(client.body()).contains("\"signTotp\":\"WITH_PASSPHRASE\"");
        assertThat(json("/api/v1/admin/clients", admin, "{\"username\":\"" + name + "x\",\"allowedIps\":[\"0.0.0.0/0\"],"
                + "\"signTotp\":\"SOMETIMES\"}").statusCode()).as("an unknown setting").isEqualTo(400);
        String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":" + field(client.body(), "secret")).getBytes(StandardCharsets.UTF_8));
        String nik = signer.getProperty("NIK");
        String dinas = signer.getProperty("DINAS");
        id.teken.devstack.MailInbox inbox = new id.teken.devstack.MailInbox(services.stack.mailApiUrl());
        int before = inbox.messages(dinas).size();
        HttpResponse<String> asked = json("/api/v2/sign/get/totp", basic, "{\"nik\":\"" + nik + "\",\"data\":\"1\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(asked.body()).contains("bersama passphrase");
        id.teken.devstack.MailInbox.Message mail = awaitMail(inbox, dinas, before, "Kode TOTP Tanda Tangan");
        assertThat(mail.link("/persetujuan/")).isEmpty();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("Kode TOTP: ([0-9]{6})").matcher(mail.text());
        assertThat(code.find()).isTrue();
        String letter = Base64.getEncoder().encodeToString(Files.readAllBytes(services.root.resolve("demo/surat-demo.pdf")));
        String passphrase = signer.getProperty("PASSPHRASE");

        HttpResponse<String> passphraseOnly = json("/api/v2/sign/pdf", basic, "{\"nik\":\"" + nik + "\",\"passphrase\":\"" + passphrase
                + "\",\"file\":[\"" + letter + "\"]}");
        assertThat(passphraseOnly.statusCode()).isEqualTo(400);
        assertThat(passphraseOnly.body()).contains("2033");
        HttpResponse<String> codeOnly = json("/api/v2/sign/pdf", basic, "{\"nik\":\"" + nik + "\",\"totp\":\"" + code.group(1)
                + "\",\"file\":[\"" + letter + "\"]}");
        assertThat(codeOnly.statusCode()).isEqualTo(400);
        HttpResponse<String> signed = json("/api/v2/sign/pdf", basic, "{\"nik\":\"" + nik + "\",\"passphrase\":\"" + passphrase
                + "\",\"totp\":\"" + code.group(1) + "\",\"file\":[\"" + letter + "\"]}");
        assertThat(signed.statusCode()).as(signed.body().substring(0, Math.min(300, signed.body().length()))).isEqualTo(200);
        byte[] pdf = Base64.getDecoder().decode(signed.body().replaceAll("(?s).*\"file\":\\[\"([^\"]+)\".*", "$1"));
        assertThat(dss(pdf)).containsExactly("TOTAL_PASSED", "null", "PAdES-BASELINE-LT");
        HttpResponse<String> replay = json("/api/v2/sign/pdf", basic, "{\"nik\":\"" + nik + "\",\"passphrase\":\"" + passphrase
                + "\",\"totp\":\"" + code.group(1) + "\",\"file\":[\"" + letter + "\"]}");
        assertThat(replay.statusCode()).as("the code signs once").isEqualTo(400);
        assertThat(replay.body()).contains("2033");
    }

    /** The first mail to the address after the first {@code before}, whose subject holds the text (others may land meanwhile). */
    static id.teken.devstack.MailInbox.Message awaitMail(id.teken.devstack.MailInbox inbox, String address, int before, String subject)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<id.teken.devstack.MailInbox.Message> found = inbox.messages(address).stream().skip(before)
                    .filter(m -> m.subject().contains(subject)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail \"" + subject + "\" to " + address);
    }

    /** The value of a JSON string field (the first one of that name) in a body. */
    static String field(String body, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(body);
        assertThat(m.find()).as(name + " in " + body.substring(0, Math.min(400, body.length()))).isTrue();
        return m.group(1);
    }

    /**
     * BSrE's v2 seal through the gateway, as a Pemkab system walks it: an ADMIN creates the unit's seal and a client whose
     * scope names the unit; the client activates the seal (the code goes to the unit's mailbox), renews it, asks for a seal
     * TOTP for one document and seals a letter with it (judged by DSS and pdfsig: the signer is the unit). A bad file spends
     * nothing; the TOTP seals once; a client outside the unit, an unknown seal, a revoked activation and a revoked seal are
     * refused in BSrE's shape.
     */
    @Test
    void bsreSeal_theUnitsSeal_sealsALetter_thatDssAndPdfsigAccept() throws Exception {
        HttpResponse<String> login = json("/api/v1/auth/login", null, "{\"nip\":\"198802292012052004\",\"password\":\""
                + signer.getProperty("PASSWORD") + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String admin = "Bearer " + field(login.body(), "accessToken");
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String unit = "Dinas Kominfo " + suffix;
        String unitMail = "kominfo." + suffix + "@ponorogo.go.id";
        HttpResponse<String> created = json("/api/v1/admin/seals", admin, "{\"unitName\":\"" + unit + "\",\"email\":\"" + unitMail + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String seal = field(created.body(), "idSubscriber");
        assertThat(json("/api/v1/admin/seals", "Bearer x", "{}").statusCode()).as("a forged token").isEqualTo(401);

        HttpResponse<String> client = json("/api/v1/admin/clients", admin, "{\"username\":\"segel-" + suffix + "\",\"allowedIps\":"
                + "[\"0.0.0.0/0\",\"::/0\"],\"scope\":{\"units\":[\"" + unit + "\"]}}");
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("segel-" + suffix + ":" + field(client.body(), "secret"))
                .getBytes(StandardCharsets.UTF_8));
        String outsider = "Basic " + Base64.getEncoder().encodeToString((signer.getProperty("CLIENT_USER") + ":"
                + signer.getProperty("CLIENT_SECRET")).getBytes(StandardCharsets.UTF_8));
        String sealed = "{\"idSubscriber\":\"" + seal + "\"}";
        HttpResponse<String> outside = json("/api/v2/seal/get/activation", outsider, sealed);
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(403);
        HttpResponse<String> unknown = json("/api/v2/seal/get/activation", basic, "{\"idSubscriber\":\"SEGEL-0000000000000000\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("2041");
        assertThat(json("/api/v2/seal/get/activation", null, sealed).statusCode()).isEqualTo(401);
        assertThat(json("/api/v2/seal/get/activation", "Basic " + Base64.getEncoder().encodeToString("segel-x:salah".getBytes(StandardCharsets.UTF_8)),
                sealed).statusCode()).as("a wrong secret").isEqualTo(401);
        assertThat(json("/api/v2/seal/get/activation", basic, "[1,2]").statusCode()).as("not an object").isEqualTo(400);
        assertThat(json("/api/v2/seal/get/activation", basic, "{not json").statusCode()).as("malformed").isEqualTo(400);
        assertThat(json("/api/v2/seal/get/activation", basic, "{\"idSubscriber\":\"' OR 1=1 --\"}").statusCode()).isEqualTo(404);
        assertThat(json("/api/v2/seal/get/totp", basic, "{\"idSubscriber\":\"" + seal + "\",\"data\":\"abc\",\"totp\":\"1\"}")
                .statusCode()).as("data not a number").isEqualTo(400);
        assertThat(json("/api/v2/seal/get/totp", basic, "{\"idSubscriber\":\"" + seal + "\",\"data\":\"100000\",\"totp\":\"1\"}")
                .statusCode()).as("too many documents").isEqualTo(400);
        assertThat(json("/api/v2/seal/pdf", basic, "{\"idSubscriber\":\"" + seal + "\",\"totp\":\"123456\"}").statusCode())
                .as("no file").isEqualTo(400);

        id.teken.devstack.MailInbox inbox = new id.teken.devstack.MailInbox(services.stack.mailApiUrl());
        HttpResponse<String> mailed = json("/api/v2/seal/get/activation", basic, sealed);
        assertThat(mailed.statusCode()).as(mailed.body()).isEqualTo(200);
        assertThat(mailed.body()).contains("TOTP Aktivasi berhasil dikirim");
        id.teken.devstack.MailInbox.Message mail = inbox.await(unitMail, 1, Duration.ofSeconds(30)).get(0);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("TOTP Aktivasi: ([0-9]{8})").matcher(mail.text());
        assertThat(code.find()).as(mail.text()).isTrue();
        String activation = code.group(1);
        assertThat(mailed.body()).doesNotContain(activation);
        HttpResponse<String> renewed = json("/api/v2/seal/get/activation", basic, "{\"idSubscriber\":\"" + seal + "\",\"totp\":\""
                + activation + "\"}");
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(renewed.body()).contains("TOTP Aktivasi masih berlaku").contains(activation);

        HttpResponse<String> totp = json("/api/v2/seal/get/totp", basic, "{\"idSubscriber\":\"" + seal + "\",\"data\":\"1\",\"totp\":\""
                + activation + "\"}");
        assertThat(totp.statusCode()).as(totp.body()).isEqualTo(200);
        assertThat(totp.body()).contains("\"result\":true");
        String sealCode = field(totp.body(), "totp");
        String letter = Base64.getEncoder().encodeToString(Files.readAllBytes(services.root.resolve("demo/surat-demo.pdf")));
        String sealWith = "{\"idSubscriber\":\"" + seal + "\",\"totp\":\"%s\",\"signatureProperties\":[{\"tampilan\":\"INVISIBLE\","
                + "\"location\":\"Ponorogo\",\"reason\":\"Segel " + unit + "\"}],\"file\":[\"%s\"]}";

        HttpResponse<String> wrong = json("/api/v2/seal/pdf", basic, sealWith.formatted(sealCode.equals("000000") ? "111111" : "000000", letter));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("2033");
        HttpResponse<String> notPdf = json("/api/v2/seal/pdf", basic, sealWith.formatted(sealCode,
                Base64.getEncoder().encodeToString("bukan pdf".getBytes(StandardCharsets.UTF_8))));
        assertThat(notPdf.statusCode()).isEqualTo(400);
        HttpResponse<String> done = json("/api/v2/seal/pdf", basic, sealWith.formatted(sealCode, letter));
        assertThat(done.statusCode()).as(done.body().substring(0, Math.min(300, done.body().length()))).isEqualTo(200);
        byte[] pdf = Base64.getDecoder().decode(done.body().replaceAll("(?s).*\"file\":\\[\"([^\"]+)\".*", "$1"));
        assertThat(dss(pdf)).containsExactly("TOTAL_PASSED", "null", "PAdES-BASELINE-LT");
        assertThat(pdfsig(pdf)).contains("Signature is Valid.").contains("Certificate is Trusted.").contains(unit);
        HttpResponse<String> again = json("/api/v2/seal/pdf", basic, sealWith.formatted(sealCode, letter));
        assertThat(again.statusCode()).as("one document asked: spent").isEqualTo(400);
        assertThat(again.body()).contains("2033");

        HttpResponse<String> ended = json("/api/v2/seal/revoke/activation", basic, "{\"idSubscriber\":\"" + seal + "\",\"totp\":\""
                + activation + "\"}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        HttpResponse<String> afterEnd = json("/api/v2/seal/get/totp", basic, "{\"idSubscriber\":\"" + seal + "\",\"data\":\"1\",\"totp\":\""
                + activation + "\"}");
        assertThat(afterEnd.statusCode()).isEqualTo(400);
        assertThat(afterEnd.body()).contains("2035");

        HttpResponse<String> revoked = json("/api/v1/admin/seals/" + seal + "/revoke", admin, "{\"alasan\":\"cessationOfOperation\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        HttpResponse<String> afterRevoke = json("/api/v2/seal/get/activation", basic, sealed);
        assertThat(afterRevoke.statusCode()).isEqualTo(400);
        assertThat(afterRevoke.body()).contains("2021");
    }

    /** A one-page PDF holding an incompressible 500 x 400 image (about 600 KB): far more than a JSON body's limit. */
    static byte[] scannedPdf() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
            pdf.addPage(page);
            java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(500, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.util.Random random = new java.util.Random(7);
            for (int y = 0; y < 400; y++) {
                for (int x = 0; x < 500; x++) {
                    noise.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(pdf, noise);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                content.drawImage(image, 50, 300, 500, 400);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            assertThat(out.size()).isGreaterThan(500_000);
            return out.toByteArray();
        }
    }

    @Test
    void opensslWithBothCrls_acceptsTheChain() throws Exception {
        Path rootPem = services.work.resolve("root.pem");
        Path issuing = services.work.resolve("issuing.pem");
        run("openssl", "x509", "-inform", "DER", "-in", Files.write(services.work.resolve("issuing.der"), get("/pki/ca/issuing.crt")).toString(),
                "-out", issuing.toString());
        Path rootCrl = services.work.resolve("root-crl.pem");
        Path issuingCrl = services.work.resolve("issuing-crl.pem");
        run("openssl", "crl", "-inform", "DER", "-in", Files.write(services.work.resolve("root.crl"), get("/pki/crl/root")).toString(),
                "-out", rootCrl.toString());
        run("openssl", "crl", "-inform", "DER", "-in", Files.write(services.work.resolve("issuing.crl"), get("/pki/crl")).toString(),
                "-out", issuingCrl.toString());
        // The signer's certificate, as pdfsig dumps it out of the signature (the CMS holds it and the issuing CA's).
        Path dumpDir = Files.createDirectories(services.work.resolve("dump"));
        Path file = Files.write(dumpDir.resolve("s.pdf"), sign(null));
        new ProcessBuilder("pdfsig", "-dump", file.toString()).directory(dumpDir.toFile()).start().waitFor();
        Path sig = Files.list(dumpDir).filter(p -> p.getFileName().toString().matches(".*\\.sig[0-9]*")).findFirst().orElseThrow();
        String certs = run("openssl", "pkcs7", "-inform", "DER", "-in", sig.toString(), "-print_certs");
        assertThat(certs).as("the CMS carries the issuing CA too").contains("Teken Issuing CA");
        Path chain = Files.writeString(dumpDir.resolve("certs.pem"), certs);
        String leaf = certs.substring(0, certs.indexOf("-----END CERTIFICATE-----") + 25);
        Path leafPem = Files.writeString(dumpDir.resolve("leaf.pem"), leaf.substring(leaf.indexOf("-----BEGIN")));
        String verify = run("openssl", "verify", "-crl_check_all", "-CAfile", rootPem.toString(), "-untrusted", issuing.toString(),
                "-CRLfile", rootCrl.toString(), "-CRLfile", issuingCrl.toString(), leafPem.toString());
        assertThat(verify).as(verify + "\n" + chain).contains(": OK");
    }

    @Test
    void tekensOwnVerification_saysWhatDssSays() throws Exception {
        for (byte[] pdf : List.of(sign(null), tampered(sign(null)))) {
            String boundary = "teken" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(pdf);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(services.gateway() + "/api/v1/verifications"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            String[] independent = dss(pdf);
            var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("signatures").get(0);
            assertThat(report.path("indication").asText()).isEqualTo(independent[0]);
            assertThat(report.path("padesLevel").asText()).isEqualTo(independent[2]);
        }
    }
}
