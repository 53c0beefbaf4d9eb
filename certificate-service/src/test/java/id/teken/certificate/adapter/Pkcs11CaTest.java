package id.teken.certificate.adapter;

import id.teken.certificate.Openssl;
import id.teken.certificate.adapter.out.ca.BouncyCastleCertificateAuthority;
import id.teken.certificate.adapter.out.ca.BouncyCastlePkiProtocols;
import id.teken.certificate.adapter.out.ca.CaCeremony;
import id.teken.certificate.adapter.out.ca.CaKeys;
import id.teken.certificate.adapter.out.ca.Pkcs11Token;
import id.teken.certificate.adapter.out.custody.SealedKeyCustody;
import id.teken.certificate.application.port.out.CertificateAuthority;
import id.teken.certificate.application.port.out.KeyCustody;
import id.teken.certificate.application.port.out.OcspProtocol;
import id.teken.certificate.support.SoftHsm;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CA with its keys in a PKCS#11 token (SoftHSM2, a fresh token per run): the key ceremony (an offline root signs the
 * request of an issuing key made inside the token), then issuance, CRL, OCSP and time stamps signed inside the token and
 * accepted by openssl and Bouncy Castle from the root alone; no key can be read out of the token, the root's key is not in
 * it, and the master key that an installation kept in its configuration moves into the token with its sealed keys still
 * opening.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pkcs11CaTest {

    static final String URL = "http://localhost:8080";
    static final String POLICY = "2.25.302943438527727717514087155551434410598";
    static final byte[] CONFIGURED_MASTER = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static Path dir;
    static Path offline;
    static Map<String, String> env;

    @BeforeAll
    static void token() throws Exception {
        SoftHsm.token();
        dir = Files.createTempDirectory("teken-pkcs11-");
        offline = dir.resolve("offline");
        env = new HashMap<>(Map.of("TEKEN_PKCS11_PIN", SoftHsm.PIN, "TEKEN_PKCS11_LIBRARY", SoftHsm.LIBRARY,
                "TEKEN_ROOT_PASSWORD", "akar-rahasia-offline-2026", "TEKEN_PUBLIC_URL", URL));
    }

    static String ceremony(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CaCeremony(env, new PrintStream(out, true, StandardCharsets.UTF_8)).run(args);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Pkcs11Token open() {
        return Pkcs11Token.open(SoftHsm.LIBRARY, 0, SoftHsm.PIN.toCharArray());
    }

    @Test
    @Order(1)
    void theKeyCeremony_rootOffline_issuingKeyInTheToken() throws Exception {
        assertThat(ceremony("root", "--dir", offline.toString(), "--bits", "2048")).contains("root made: ");
        assertThatThrownBy(() -> ceremony("root", "--dir", offline.toString())).hasMessageContaining("a root is made once");
        assertThat(Files.readString(offline.resolve("root.crt"))).startsWith("-----BEGIN CERTIFICATE-----");

        Path csr = dir.resolve("issuing.csr");
        assertThat(ceremony("issuing-csr", "--out", csr.toString(), "--bits", "2048")).contains("issuing key made in the token");
        // Asked again before the answer: the same key, a new request.
        assertThat(ceremony("issuing-csr", "--out", dir.resolve("again.csr").toString())).contains("asking again for the same key");
        Openssl.Result req = Openssl.run("req", "-in", csr.toString(), "-noout", "-verify", "-subject");
        assertThat(req.output()).contains("verify OK").contains("Teken Issuing CA");

        // The wrong password does not open the root; a request whose signature was tampered with is refused.
        env.put("TEKEN_ROOT_PASSWORD", "salah-sekali-password");
        assertThatThrownBy(() -> ceremony("sign-issuing", "--dir", offline.toString(), "--csr", csr.toString(), "--out", dir.resolve("x.crt").toString()))
                .hasMessageContaining("wrong TEKEN_ROOT_PASSWORD");
        env.put("TEKEN_ROOT_PASSWORD", "akar-rahasia-offline-2026");
        Path issuing = dir.resolve("issuing.crt");
        assertThat(ceremony("sign-issuing", "--dir", offline.toString(), "--csr", csr.toString(), "--out", issuing.toString()))
                .contains("issuing CA certified").contains("root CRL #2");
        Openssl.Result chain = Openssl.run("verify", "-CAfile", offline.resolve("root.crt").toString(), issuing.toString());
        assertThat(chain.output()).as(chain.output()).contains(issuing + ": OK");

        // A certificate for another key, or not from this root, does not go into the token.
        Path otherRoot = dir.resolve("other");
        ceremony("root", "--dir", otherRoot.toString(), "--bits", "2048");
        assertThatThrownBy(() -> ceremony("import-issuing", "--cert", issuing.toString(), "--root", otherRoot.resolve("root.crt").toString()))
                .hasMessageContaining("is not signed by");
        assertThatThrownBy(() -> ceremony("import-issuing", "--cert", offline.resolve("root.crt").toString(), "--root", offline.resolve("root.crt").toString()))
                .hasMessageContaining("certifies another key");
        assertThat(ceremony("import-issuing", "--cert", issuing.toString(), "--root", offline.resolve("root.crt").toString())).contains("imported: ");
        assertThatThrownBy(() -> ceremony("issuing-csr", "--out", dir.resolve("third.csr").toString()))
                .hasMessageContaining("holds an issuing CA already");
        assertThat(ceremony("root-crl", "--dir", offline.toString(), "--out", dir.resolve("root.crl").toString()))
                .contains("root CRL #3");
    }

    @Test
    @Order(2)
    void issuance_crls_ocsp_andTimeStamps_areSignedInTheToken_andValidateFromTheRootAlone() throws Exception {
        Pkcs11Token token = open();
        CaKeys keys = token.caKeys("Pemerintah Kabupaten Ponorogo", URL);
        assertThat(keys.rootKey()).as("the root's key is not in the token").isEmpty();
        BouncyCastleCertificateAuthority ca = new BouncyCastleCertificateAuthority(keys, URL, POLICY, dir.resolve("root.crl"));
        KeyCustody custody = new SealedKeyCustody(token.masterKey(Optional.empty()), token.provider(), "RSA", 2048, 19456, 2, 1, 2);
        UUID credential = UUID.randomUUID();
        KeyCustody.GeneratedKey key = custody.generate(credential, "Kuat#Sekali9".toCharArray());
        Instant now = Instant.now();
        CertificateAuthority.IssuedCertificate leaf = ca.issue(CertificateAuthorityTest.BUDI, key.publicKeyDer(), now, now.plus(Duration.ofDays(730)));

        Path root = Files.writeString(dir.resolve("root.pem"), CaHierarchyTest.pem(ca.rootCertificateDer()));
        Path issuing = Files.writeString(dir.resolve("issuing.pem"), CaHierarchyTest.pem(ca.issuingCertificateDer()));
        Path leafPem = Files.writeString(dir.resolve("leaf.pem"), leaf.pem());
        Path rootCrl = Files.write(dir.resolve("served-root.crl"), ca.publishedRootCrl().orElseThrow());
        Path issuingCrl = Files.write(dir.resolve("issuing.crl"), ca.signCrl(List.of(), now, now.plus(Duration.ofDays(1)), 1));
        for (Path crl : List.of(rootCrl, issuingCrl)) {
            Openssl.run("crl", "-inform", "DER", "-in", crl.toString(), "-out", crl + ".pem");
        }
        Openssl.Result verify = Openssl.run("verify", "-crl_check_all", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
                "-CRLfile", rootCrl + ".pem", "-CRLfile", issuingCrl + ".pem", leafPem.toString());
        assertThat(verify.output()).as(verify.output()).contains(leafPem + ": OK");
        assertThatThrownBy(() -> ca.signRootCrl(now, now.plusSeconds(60), 9)).hasMessageContaining("offline");

        // The subscriber's key, wrapped by the token's master key, signs after the passphrase opens it.
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("surat".getBytes(StandardCharsets.UTF_8));
        KeyCustody.Unlocked unlocked = custody.unlock(credential, key.sealedKey(), "Kuat#Sekali9".toCharArray()).orElseThrow();
        byte[] signature = custody.sign(unlocked, "SHA-256", List.of(digest)).get(0);
        X509Certificate leafCert = CaHierarchyTest.x509(java.util.Base64.getMimeDecoder().decode(leaf.pem()
                .replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")));
        Signature check = Signature.getInstance("SHA256withRSA");
        check.initVerify(leafCert.getPublicKey());
        check.update("surat".getBytes(StandardCharsets.UTF_8));
        assertThat(check.verify(signature)).isTrue();
        assertThat(custody.unlock(credential, key.sealedKey(), "salah".toCharArray())).isEmpty();

        // OCSP and the TSA sign with their own token keys, certified by the issuing key.
        BouncyCastlePkiProtocols pki = new BouncyCastlePkiProtocols(ca, POLICY + ".2");
        OcspProtocol.OcspQuery query = pki.queryFor(new BigInteger(leaf.serialNumberHex(), 16).toString(16));
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(pki.respond(query, List.of(OcspProtocol.CertificateState.good()), now)).getResponseObject();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(keys.ocsp().certificate().getPublicKey()))).isTrue();
        keys.ocsp().certificate().verify(keys.issuing().getPublicKey());
        TimeStampToken stamp = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(
                pki.token(MessageDigest.getInstance("SHA-256").digest(new byte[] {1}), BigInteger.TEN, now)));
        stamp.validate(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(keys.tsa().certificate()));
        keys.tsa().certificate().verify(keys.issuing().getPublicKey());

        // Opened again (a restart): the same OCSP and TSA certificates, not new ones.
        CaKeys again = open().caKeys("Pemerintah Kabupaten Ponorogo", URL);
        assertThat(again.ocsp().certificate()).isEqualTo(keys.ocsp().certificate());
        assertThat(again.tsa().certificate()).isEqualTo(keys.tsa().certificate());
    }

    @Test
    @Order(3)
    void noKeyLeavesTheToken_andTheRootKeyIsNotInIt() throws Exception {
        Pkcs11Token token = open();
        CaKeys keys = token.caKeys("Pemerintah Kabupaten Ponorogo", URL);
        assertThat(keys.issuingKey().getEncoded()).as("issuing key material").isNull();
        assertThat(keys.ocsp().key().getEncoded()).as("OCSP key material").isNull();
        assertThat(keys.tsa().key().getEncoded()).as("TSA key material").isNull();
        assertThat(token.masterKey(Optional.empty()).getEncoded()).as("master key material").isNull();
        KeyStore ks = KeyStore.getInstance("PKCS11", token.provider());
        ks.load(null, SoftHsm.PIN.toCharArray());
        for (String alias : token.aliases()) {
            if (ks.isKeyEntry(alias) && ks.getCertificate(alias) != null) {
                assertThat(((X509Certificate) ks.getCertificate(alias)).getBasicConstraints())
                        .as("no key entry in the token is the root's (" + alias + ")")
                        .satisfiesAnyOf(b -> assertThat(b).isLessThan(0), b -> assertThat(alias).isEqualTo(Pkcs11Token.ISSUING));
            }
        }
        assertThat(token.aliases()).contains(Pkcs11Token.ISSUING, "ocsp", "tsa", Pkcs11Token.MASTER);
        assertThat(ceremony("status")).contains("issuing: private key").contains("master: secret key (never extractable)")
                .doesNotContain("awaiting");
        // A wrong PIN, in a JVM of its own (this one is logged in already): `teken ca status` refuses, exit code 2.
        ProcessBuilder cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CaCeremony.class.getName(), "status").redirectErrorStream(true);
        cli.environment().put("TEKEN_PKCS11_PIN", "salah-pin-sekali");
        cli.environment().put("TEKEN_PKCS11_LIBRARY", SoftHsm.LIBRARY);
        Process p = cli.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isEqualTo(2);
        assertThat(said).contains("login refused (wrong PIN?)").doesNotContain("salah-pin-sekali").doesNotContain("Exception");
    }

    /** A separate token would be cleaner; the master key test runs last and uses the token's key made in test 2. */
    @Test
    @Order(4)
    void aConfiguredMasterKey_thatDiffersFromTheToken_isRefused() {
        Pkcs11Token token = open();
        assertThatThrownBy(() -> token.masterKey(Optional.of(CONFIGURED_MASTER.clone()))).hasMessageContaining("differs from the master key");
    }
}
