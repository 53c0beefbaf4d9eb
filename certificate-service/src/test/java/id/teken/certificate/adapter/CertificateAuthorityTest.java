package id.teken.certificate.adapter;

import id.teken.certificate.Openssl;
import id.teken.certificate.adapter.out.ca.BouncyCastleCertificateAuthority;
import id.teken.certificate.adapter.out.custody.SealedKeyCustody;
import id.teken.certificate.application.port.out.CertificateAuthority;
import id.teken.certificate.application.port.out.KeyCustody;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.RevocationReason;
import id.teken.certificate.domain.SubscriberIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class CertificateAuthorityTest {

    @TempDir
    static Path dir;

    static BouncyCastleCertificateAuthority ca;
    static final SubscriberIdentity BUDI = new SubscriberIdentity("198503152010011001", "3502011503850001", "Budi Santoso",
            "budi.santoso@ponorogo.go.id", "Pemerintah Kabupaten Ponorogo", "Dinas Komunikasi, Informatika dan Statistik",
            "Pranata Komputer", "Jawa Timur");
    static final byte[] MASTER = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void createCa() {
        ca = new BouncyCastleCertificateAuthority(dir.resolve("ca.p12"), "rahasia-ca".toCharArray(),
                "Pemerintah Kabupaten Ponorogo", "http://localhost:8080", "2.25.302943438527727717514087155551434410598", 2048);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void subscriberCertificate_verifiesWithOpenssl_andCarriesTheSection6Extensions() throws IOException {
        KeyCustody custody = new SealedKeyCustody(MASTER, "RSA", 2048, 19456, 2);
        KeyCustody.GeneratedKey key = custody.generate(UUID.randomUUID(), "Kuat#Sekali9".toCharArray());
        Instant now = Instant.now();
        CertificateAuthority.IssuedCertificate cert = ca.issue(BUDI, key.publicKeyDer(), now, now.plus(Duration.ofDays(730)));

        String chain = ca.chainPem();
        int split = chain.indexOf("-----BEGIN CERTIFICATE-----", 10);
        Path issuing = write("issuing.pem", chain.substring(0, split));
        Path root = write("root.pem", chain.substring(split));
        Path leaf = write("leaf.pem", cert.pem());

        Openssl.Result verify = Openssl.run("verify", "-CAfile", root.toString(), "-untrusted", issuing.toString(), leaf.toString());
        assertThat(verify.output()).contains("OK");
        assertThat(verify.exitCode()).isZero();

        String text = Openssl.run("x509", "-in", leaf.toString(), "-noout", "-text").output();
        assertThat(text).contains("Digital Signature, Non Repudiation", "CA:FALSE", "http://localhost:8080/pki/crl",
                "OCSP - URI:http://localhost:8080/pki/ocsp", "CA Issuers - URI:http://localhost:8080/pki/ca/issuing.crt",
                "2.25.302943438527727717514087155551434410598", "email:budi.santoso@ponorogo.go.id", "CN = Budi Santoso",
                "O = Pemerintah Kabupaten Ponorogo", "C = ID", "Public-Key: (2048 bit)");
        assertThat(text).doesNotContain(BUDI.nik());
        assertThat(cert.serialNumberHex()).matches("[0-9A-F]{20,40}");
    }

    @Test
    void crl_listsRevokedSerials_andOpensslParsesIt() throws IOException {
        Instant now = Instant.now();
        Credential revoked = new Credential(UUID.randomUUID(), BUDI.nip(), "5A1B2C3D4E5F60718293A4B5C6D7E8F9", "CN=x", "pem",
                now, now, Credential.Status.REVOKED, RevocationReason.SUPERSEDED, now, new byte[1], "v", now, now);
        Path crl = write("crl.der", ca.signCrl(List.of(revoked), now, now.plus(Duration.ofDays(1)), 7));
        Openssl.Result text = Openssl.run("crl", "-inform", "DER", "-in", crl.toString(), "-noout", "-text");
        assertThat(text.exitCode()).isZero();
        assertThat(text.output()).contains("5A1B2C3D4E5F60718293A4B5C6D7E8F9", "Superseded", "X509v3 CRL Number", "7");
        String chain = ca.chainPem();
        Path issuing = write("issuing-for-crl.pem", chain.substring(0, chain.indexOf("-----BEGIN CERTIFICATE-----", 10)));
        assertThat(Openssl.run("crl", "-inform", "DER", "-in", crl.toString(), "-noout", "-CAfile", issuing.toString()).output())
                .containsIgnoringCase("verify OK");
    }

    @Test
    void keyStore_survivesARestart_andAWrongSecretIsRefused() {
        BouncyCastleCertificateAuthority again = new BouncyCastleCertificateAuthority(dir.resolve("ca.p12"), "rahasia-ca".toCharArray(),
                "Pemerintah Kabupaten Ponorogo", "http://localhost:8080", "2.25.1", 2048);
        assertThat(again.chainPem()).isEqualTo(ca.chainPem());
        assertThatThrownBy(() -> new BouncyCastleCertificateAuthority(dir.resolve("ca.p12"), "salah".toCharArray(),
                "Pemerintah Kabupaten Ponorogo", "http://localhost:8080", "2.25.1", 2048))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("rahasia-ca");
    }

    static final byte[] DIGEST = new byte[32];

    static boolean opens(KeyCustody custody, UUID id, byte[] sealed, String passphrase) {
        return signDigests(custody, id, sealed, passphrase.toCharArray(), "SHA-256", List.of(DIGEST)).isPresent();
    }

    @Test
    void sealedKey_opensOnlyWithItsPassphrase_itsCredential_andTheMasterKey() {
        KeyCustody custody = new SealedKeyCustody(MASTER, "RSA", 2048, 19456, 2);
        UUID id = UUID.randomUUID();
        KeyCustody.GeneratedKey key = custody.generate(id, "Kuat#Sekali9".toCharArray());
        assertThat(key.sealedKey()[0]).as("format 2 (Argon2id)").isEqualTo((byte) 2);
        assertThat(opens(custody, id, key.sealedKey(), "Kuat#Sekali9")).isTrue();
        assertThat(signDigests(custody, id, key.sealedKey(), "Kuat#Sekali9".toCharArray(), "SHA-256", List.of(DIGEST)).orElseThrow()
                .resealed()).as("the current format is not re-sealed").isEmpty();
        assertThat(opens(custody, id, key.sealedKey(), "Kuat#Sekali8")).isFalse();
        assertThatThrownBy(() -> opens(custody, UUID.randomUUID(), key.sealedKey(), "Kuat#Sekali9"))
                .isInstanceOf(IllegalStateException.class);
        KeyCustody otherMaster = new SealedKeyCustody("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII), "RSA", 2048, 19456, 2);
        assertThatThrownBy(() -> opens(otherMaster, id, key.sealedKey(), "Kuat#Sekali9"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new String(key.sealedKey(), StandardCharsets.ISO_8859_1)).doesNotContain("BEGIN");
    }

    /** A key sealed the way versions before 2026-12 did: PKCS#8 PBES2 (PBKDF2) inside, format byte 1 outside. */
    static byte[] sealedTheOldWay(UUID id, java.security.PrivateKey key, String passphrase) throws Exception {
        return sealedTheOldWay(MASTER, id, key, passphrase);
    }

    public static byte[] sealedTheOldWay(byte[] master, UUID id, java.security.PrivateKey key, String passphrase) throws Exception {
        byte[] inner = new org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder(
                org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded()))
                .build(new org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes256_CBC)
                        .setPRF(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_hmacWithSHA256,
                                org.bouncycastle.asn1.DERNull.INSTANCE))
                        .setIterationCount(10_000).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .build(passphrase.toCharArray())).getEncoded();
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(master, "AES"), new javax.crypto.spec.GCMParameterSpec(128, iv));
        cipher.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = cipher.doFinal(inner);
        return java.nio.ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(iv).put(sealed).array();
    }

    @Test
    void aKeySealedTheOldWay_stillSigns_andComesBackResealedWithArgon2id() throws Exception {
        KeyCustody custody = new SealedKeyCustody(MASTER, "RSA", 2048, 19456, 2);
        UUID id = UUID.randomUUID();
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair pair = g.generateKeyPair();
        byte[] old = sealedTheOldWay(id, pair.getPrivate(), "Kuat#Sekali9");
        assertThat(opens(custody, id, old, "Salah#Sekali9")).isFalse();
        Signed signed = signDigests(custody, id, old, "Kuat#Sekali9".toCharArray(), "SHA-256", List.of(DIGEST)).orElseThrow();
        java.security.Signature verify = java.security.Signature.getInstance("NONEwithRSA");
        verify.initVerify(pair.getPublic());
        verify.update(new org.bouncycastle.asn1.x509.DigestInfo(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256, org.bouncycastle.asn1.DERNull.INSTANCE), DIGEST).getEncoded());
        assertThat(verify.verify(signed.signatures().get(0))).isTrue();
        byte[] resealed = signed.resealed().orElseThrow();
        assertThat(resealed[0]).isEqualTo((byte) 2);
        assertThat(opens(custody, id, resealed, "Kuat#Sekali9")).isTrue();
        assertThat(opens(custody, id, resealed, "Salah#Sekali9")).isFalse();
    }

    @Test
    void aKeySealedWithOneLane_opensWithTwoLanesConfigured_andIsResealedOnceWithTwo() {
        KeyCustody oneLane = new SealedKeyCustody(MASTER, "RSA", 2048, 19456, 2, 1, 2);
        KeyCustody twoLanes = new SealedKeyCustody(MASTER, "RSA", 2048, 19456, 2, 2, 2);
        UUID id = UUID.randomUUID();
        byte[] sealed = oneLane.generate(id, "Kuat#Sekali9".toCharArray()).sealedKey();
        assertThat(opens(twoLanes, id, sealed, "Salah#Sekali9")).isFalse();
        Signed signed = signDigests(twoLanes, id, sealed, "Kuat#Sekali9".toCharArray(), "SHA-256", List.of(DIGEST)).orElseThrow();
        byte[] resealed = signed.resealed().orElseThrow();
        assertThat(resealed).isNotEqualTo(sealed);
        Signed again = signDigests(twoLanes, id, resealed, "Kuat#Sekali9".toCharArray(), "SHA-256", List.of(DIGEST)).orElseThrow();
        assertThat(again.resealed()).as("sealed with today's parameters: not re-sealed again").isEmpty();
        assertThat(again.signatures().get(0)).isEqualTo(signed.signatures().get(0));
        assertThat(opens(oneLane, id, resealed, "Kuat#Sekali9")).as("the parameters travel with the key").isTrue();
    }

    /** The signatures and the re-sealed key (when the old one was in another format). */
    record Signed(List<byte[]> signatures, Optional<byte[]> resealed) {
    }

    /** Opens, signs and drops the key, as certificate-service's signing path does. */
    private static Optional<Signed> signDigests(KeyCustody custody, UUID id, byte[] sealed, char[] passphrase, String algorithm,
                                                List<byte[]> digests) {
        return custody.unlock(id, sealed, passphrase).map(key -> {
            try {
                return new Signed(custody.sign(key, algorithm, digests), key.resealed());
            } finally {
                key.destroy();
            }
        });
    }
}
