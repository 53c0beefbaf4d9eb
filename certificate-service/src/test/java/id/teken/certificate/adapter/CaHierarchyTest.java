package id.teken.certificate.adapter;

import id.teken.certificate.Openssl;
import id.teken.certificate.adapter.out.ca.BouncyCastleCertificateAuthority;
import id.teken.certificate.adapter.out.custody.SealedKeyCustody;
import id.teken.certificate.application.port.out.CertificateAuthority;
import id.teken.certificate.application.port.out.KeyCustody;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hierarchy as a relying party that trusts only the root sees it: the issuing CA says where the root's CRL is, the root
 * signs that CRL, and openssl with -crl_check_all accepts the whole chain; an installation from before keeps its issuing key
 * and gets a new certificate for it.
 */
class CaHierarchyTest {

    static final byte[] MASTER = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    BouncyCastleCertificateAuthority ca(Path store) {
        return new BouncyCastleCertificateAuthority(store, "rahasia-ca".toCharArray(), "Pemerintah Kabupaten Ponorogo",
                "http://localhost:8080", "2.25.302943438527727717514087155551434410598", 2048);
    }

    static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void theChain_validatesFromTheRootAlone_withBothCrls() throws Exception {
        BouncyCastleCertificateAuthority ca = ca(dir.resolve("ca.p12"));
        KeyCustody.GeneratedKey key = new SealedKeyCustody(MASTER, "RSA", 2048, 19456, 2).generate(UUID.randomUUID(), "Kuat#Sekali9".toCharArray());
        Instant now = Instant.now();
        CertificateAuthority.IssuedCertificate leaf = ca.issue(CertificateAuthorityTest.BUDI, key.publicKeyDer(), now, now.plus(Duration.ofDays(730)));
        Path root = Files.writeString(dir.resolve("root.pem"), pem(ca.rootCertificateDer()));
        Path issuing = Files.writeString(dir.resolve("issuing.pem"), pem(ca.issuingCertificateDer()));
        Path leafPem = Files.writeString(dir.resolve("leaf.pem"), leaf.pem());
        Path rootCrl = Files.write(dir.resolve("root.crl"), ca.signRootCrl(now, now.plus(Duration.ofDays(7)), 1));
        Path issuingCrl = Files.write(dir.resolve("issuing.crl"), ca.signCrl(List.of(), now, now.plus(Duration.ofDays(1)), 1));
        for (Path crl : List.of(rootCrl, issuingCrl)) {
            Openssl.run("crl", "-inform", "DER", "-in", crl.toString(), "-out", crl + ".pem");
        }
        Openssl.Result verify = Openssl.run("verify", "-crl_check_all", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
                "-CRLfile", rootCrl + ".pem", "-CRLfile", issuingCrl + ".pem", leafPem.toString());
        assertThat(verify.output()).as(verify.output()).contains(leafPem + ": OK");
        assertThat(verify.exitCode()).isZero();
        // Without the root's CRL, a checker that insists on every CA's status stops at the issuing CA.
        Openssl.Result without = Openssl.run("verify", "-crl_check_all", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
                "-CRLfile", issuingCrl + ".pem", leafPem.toString());
        assertThat(without.exitCode()).isNotZero();

        String text = Openssl.run("x509", "-in", issuing.toString(), "-noout", "-text").output();
        assertThat(text).contains("http://localhost:8080/pki/crl/root", "CA Issuers - URI:http://localhost:8080/pki/ca/root.crt",
                "CA:TRUE, pathlen:0");
        String crlText = Openssl.run("crl", "-in", rootCrl + ".pem", "-noout", "-text", "-CAfile", root.toString()).output();
        assertThat(crlText).contains("verify OK").contains("Teken Root CA");
    }

    @Test
    void anIssuingCaFromBefore_getsANewCertificateForTheSameKey_andTheOldOneIsStillPublished() throws Exception {
        Path store = dir.resolve("old.p12");
        char[] password = "rahasia-ca".toCharArray();
        ca(store);
        // Make the store look like one from before: an issuing certificate without the CRL distribution point.
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password);
        }
        X509Certificate rootCert = (X509Certificate) ks.getCertificate("root");
        PrivateKey rootKey = (PrivateKey) ks.getKey("root", password);
        X509Certificate current = (X509Certificate) ks.getCertificate("issuing");
        PrivateKey issuingKey = (PrivateKey) ks.getKey("issuing", password);
        X509Certificate old = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(rootCert,
                BigInteger.valueOf(4242), Date.from(Instant.now().minusSeconds(3600)), current.getNotAfter(),
                X500Name.getInstance(current.getSubjectX500Principal().getEncoded()), current.getPublicKey())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKey)));
        ks.setKeyEntry("issuing", issuingKey, password, new X509Certificate[] {old, rootCert});
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, password);
        }

        BouncyCastleCertificateAuthority reloaded = ca(store);
        X509Certificate renewed = x509(reloaded.issuingCertificateDer());
        assertThat(renewed.getSerialNumber()).isNotEqualTo(old.getSerialNumber());
        assertThat(renewed.getPublicKey()).isEqualTo(old.getPublicKey());
        assertThat(renewed.getSubjectX500Principal()).isEqualTo(old.getSubjectX500Principal());
        assertThat(renewed.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNotNull();
        assertThat(reloaded.previousIssuingPem()).contains("BEGIN CERTIFICATE");
        assertThat(x509(java.util.Base64.getMimeDecoder().decode(reloaded.previousIssuingPem()
                .replaceAll("-----[A-Z ]+-----", "").trim())).getSerialNumber()).isEqualTo(BigInteger.valueOf(4242));
        // A certificate the old issuing certificate signed before is the same key: it verifies against the new one too.
        KeyCustody.GeneratedKey key = new SealedKeyCustody(MASTER, "RSA", 2048, 19456, 2).generate(UUID.randomUUID(), "Kuat#Sekali9".toCharArray());
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                reloaded.issue(CertificateAuthorityTest.BUDI, key.publicKeyDer(), Instant.now(), Instant.now().plus(Duration.ofDays(1)))
                        .pem().getBytes(StandardCharsets.US_ASCII)));
        leaf.verify(old.getPublicKey());
        // The second start changes nothing more.
        assertThat(x509(ca(store).issuingCertificateDer()).getSerialNumber()).isEqualTo(renewed.getSerialNumber());
    }
}
