package id.teken.certificate.adapter.out.custody;

import id.teken.certificate.application.port.out.KeyCustody;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Subscriber keys, sealed twice: the PKCS#8 private key is encrypted with PBES2 (PBKDF2-HMAC-SHA256 at
 * 600,000 iterations, AES-256-CBC) under the passphrase, and that blob is wrapped with AES-256-GCM under the
 * master key (from configuration, never in the database; the credential id is authenticated data). A
 * database dump alone opens nothing; the master key alone opens nothing either.
 */
public class SealedKeyCustody implements KeyCustody {

    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Our own instance, not the global registry's (which may hold one from another class loader). */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private final SecretKeySpec masterKey;
    private final String algorithm;
    private final int keyBits;
    private final int iterations;

    public SealedKeyCustody(byte[] masterKey, String algorithm, int keyBits, int iterations) {
        if (masterKey.length != 32) {
            throw new IllegalStateException("the master key must be 32 bytes");
        }
        this.masterKey = new SecretKeySpec(masterKey, "AES");
        this.algorithm = algorithm;
        this.keyBits = keyBits;
        this.iterations = iterations;
    }

    @Override
    public GeneratedKey generate(UUID credentialId, char[] passphrase) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(keyBits);
            KeyPair pair = generator.generateKeyPair();
            PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfoBuilder(
                    PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()))
                    .build(new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                            .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                            .setIterationCount(iterations)
                            .setProvider(BC)
                            .build(passphrase));
            return new GeneratedKey(pair.getPublic().getEncoded(), wrap(credentialId, encrypted.getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("key generation failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean opens(UUID credentialId, byte[] sealedKey, char[] passphrase) {
        try {
            PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfo(unwrap(credentialId, sealedKey));
            PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BC).build(passphrase));
            return info != null;
        } catch (PKCSException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("sealed key unreadable");
        }
    }

    @Override
    public java.util.Optional<java.util.List<byte[]>> signDigests(UUID credentialId, byte[] sealedKey, char[] passphrase,
                                                                String digestAlgorithm, java.util.List<byte[]> digests) {
        PrivateKeyInfo info;
        try {
            info = new PKCS8EncryptedPrivateKeyInfo(unwrap(credentialId, sealedKey))
                    .decryptPrivateKeyInfo(new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BC).build(passphrase));
        } catch (PKCSException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("sealed key unreadable");
        }
        try {
            java.security.PrivateKey key = java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(info.getEncoded()));
            java.util.List<byte[]> out = new java.util.ArrayList<>();
            for (byte[] digest : digests) {
                org.bouncycastle.asn1.x509.DigestInfo digestInfo = new org.bouncycastle.asn1.x509.DigestInfo(
                        pkcs1DigestAlgorithm(digestAlgorithm), digest);
                java.security.Signature signature = java.security.Signature.getInstance("NONEwithRSA");
                signature.initSign(key);
                signature.update(digestInfo.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER));
                out.add(signature.sign());
            }
            return java.util.Optional.of(out);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("signing failed: " + e.getClass().getSimpleName());
        }
    }

    private byte[] wrap(UUID credentialId, byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(128, iv));
        cipher.updateAAD(credentialId.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(1 + iv.length + sealed.length).put(VERSION).put(iv).put(sealed).array();
    }

    private byte[] unwrap(UUID credentialId, byte[] blob) {
        if (blob == null || blob.length < 30 || blob[0] != VERSION) {
            throw new IllegalStateException("sealed key has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(128, Arrays.copyOfRange(blob, 1, 13)));
            cipher.updateAAD(credentialId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(blob, 13, blob.length - 13);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed key does not belong to this credential or master key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed key cannot be unwrapped");
        }
    }

    /**
     * The digest AlgorithmIdentifier for a PKCS#1 v1.5 DigestInfo, with explicit NULL parameters as RFC 8017 writes
     * it (strict verifiers such as NSS reject the form without them).
     */
    static org.bouncycastle.asn1.x509.AlgorithmIdentifier pkcs1DigestAlgorithm(String name) {
        org.bouncycastle.asn1.ASN1ObjectIdentifier oid = switch (name) {
            case "SHA-256" -> org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256;
            case "SHA-384" -> org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha384;
            case "SHA-512" -> org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha512;
            default -> throw new IllegalArgumentException("unsupported digest " + name);
        };
        return new org.bouncycastle.asn1.x509.AlgorithmIdentifier(oid, org.bouncycastle.asn1.DERNull.INSTANCE);
    }
}
