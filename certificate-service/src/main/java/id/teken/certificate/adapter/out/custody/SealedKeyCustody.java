package id.teken.certificate.adapter.out.custody;

import id.teken.certificate.application.port.out.KeyCustody;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscriber keys, sealed twice. Inside: the PKCS#8 private key encrypted with AES-256-GCM under a key derived from the
 * passphrase with Argon2id (19 MiB, 2 passes, 1 lane: OWASP's recommendation; stronger against GPU guessing than PBKDF2
 * and about 15 times cheaper per check here). Outside: that blob wrapped with AES-256-GCM under the master key (from
 * configuration, never in the database). The credential id is authenticated data of both layers. A database dump alone
 * opens nothing; the master key alone opens nothing either.
 * <p>
 * Format 2 (current): {@code 0x02 || iv(12) || GCM_master(0x02 || m(4) || t(4) || p(4) || salt(16) || iv(12) || GCM_argon(pkcs8))}.
 * Format 1 (before 2026-12): {@code 0x01 || iv(12) || GCM_master(PKCS#8 PBES2, PBKDF2-HMAC-SHA256 600,000 iterations)}: still
 * opened, and re-sealed in format 2 on its next successful use. Derivations run at most {@code maxConcurrent} at once
 * (each holds 19 MiB).
 */
public class SealedKeyCustody implements KeyCustody {

    private static final byte V1 = PassphraseSeal.V1;
    private static final byte V2 = PassphraseSeal.V2;
    /** A seal's key: {@code 0x03 || iv(12) || GCM_master(0x03 || pkcs8)}, no passphrase layer. */
    private static final byte SEAL = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final java.security.Key masterKey;
    /** Where the master key computes: the PKCS#11 token's provider, or null (the key is in memory). */
    private final java.security.Provider masterKeyProvider;
    private final String algorithm;
    private final int keyBits;
    private final PassphraseSeal seal;

    public SealedKeyCustody(byte[] masterKey, String algorithm, int keyBits, int argon2MemoryKib, int argon2Passes) {
        this(masterKey, algorithm, keyBits, argon2MemoryKib, argon2Passes, DEFAULT_LANES, defaultConcurrency(argon2MemoryKib));
    }

    /**
     * One lane by default (OWASP's parameters). More lanes keep the memory and passes (what a guesser must pay) and spread
     * them over cores; measured on the 2-core development machine, two lanes saved only 1-2 ms of 24 (memory-bound), so the
     * setting is there for machines where it pays. Keys sealed with other parameters are re-sealed on their next use.
     */
    public static final int DEFAULT_LANES = 1;

    public SealedKeyCustody(byte[] masterKey, String algorithm, int keyBits, int argon2MemoryKib, int argon2Passes, int lanes,
                            int maxConcurrent) {
        this(checked(masterKey), null, algorithm, keyBits, argon2MemoryKib, argon2Passes, lanes, maxConcurrent);
    }

    private static SecretKeySpec checked(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalStateException("the master key must be 32 bytes");
        }
        return new SecretKeySpec(masterKey, "AES");
    }

    /** With the master key in a PKCS#11 token: the wrapping and unwrapping happen inside it ({@code provider}). */
    public SealedKeyCustody(java.security.Key masterKey, java.security.Provider provider, String algorithm, int keyBits,
                            int argon2MemoryKib, int argon2Passes, int lanes, int maxConcurrent) {
        if (lanes < 1 || lanes > 16 || argon2MemoryKib < 8 * lanes) {
            throw new IllegalStateException("teken.passphrase.argon2-lanes must be 1-16 (and at most memory/8)");
        }
        this.masterKey = masterKey;
        this.masterKeyProvider = provider;
        this.algorithm = algorithm;
        this.keyBits = keyBits;
        this.seal = new PassphraseSeal(argon2MemoryKib, argon2Passes, lanes, maxConcurrent);
    }

    /** What half the heap holds of derivations (plus slack), at least 1, at most twice the cores. */
    public static int defaultConcurrency(int memoryKib) {
        long each = (memoryKib + 4L * 1024) * 1024;
        long fits = Runtime.getRuntime().maxMemory() / 2 / each;
        return (int) Math.max(1, Math.min(fits, 2L * Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public GeneratedKey generate(UUID credentialId, char[] passphrase) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(keyBits);
            KeyPair pair = generator.generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            try {
                return new GeneratedKey(pair.getPublic().getEncoded(), wrap(credentialId, seal.seal(credentialId, pkcs8, passphrase)));
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public GeneratedKey generateSeal(UUID credentialId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(keyBits);
            KeyPair pair = generator.generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] inner = new byte[pkcs8.length + 1];
            try {
                inner[0] = SEAL;
                System.arraycopy(pkcs8, 0, inner, 1, pkcs8.length);
                return new GeneratedKey(pair.getPublic().getEncoded(), wrap(credentialId, inner, SEAL));
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
                Arrays.fill(inner, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public Unlocked unlockSeal(UUID credentialId, byte[] sealedKey) {
        if (sealedKey == null || sealedKey.length < 30 || sealedKey[0] != SEAL) {
            throw new IllegalStateException("not a seal's key");
        }
        byte[] plain = unwrap(credentialId, sealedKey);
        try {
            if (plain.length < 2 || plain[0] != SEAL) {
                throw new IllegalStateException("not a seal's key");
            }
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Arrays.copyOfRange(plain, 1, plain.length)));
            return new OpenKey(key, Optional.empty());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unlocking failed: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The opened RSA key; destroy() drops the only reference this service keeps. */
    private static final class OpenKey implements Unlocked {
        private volatile PrivateKey key;
        private final Optional<byte[]> resealed;

        OpenKey(PrivateKey key, Optional<byte[]> resealed) {
            this.key = key;
            this.resealed = resealed;
        }

        @Override
        public Optional<byte[]> resealed() {
            return resealed;
        }

        @Override
        public void destroy() {
            key = null;
        }
    }

    @Override
    public Optional<Unlocked> unlock(UUID credentialId, byte[] sealedKey, char[] passphrase) {
        if (sealedKey != null && sealedKey.length > 0 && sealedKey[0] == SEAL) {
            throw new IllegalStateException("a seal's key opens without a passphrase, through unlockSeal only");
        }
        byte[] plain = unwrap(credentialId, sealedKey);
        byte[] pkcs8 = null;
        try {
            boolean old = sealedKey[0] == V1 || !seal.currentParameters(plain);
            Optional<byte[]> opened = sealedKey[0] == V1 ? seal.openV1(plain, passphrase) : seal.openV2(credentialId, plain, passphrase);
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            pkcs8 = opened.get();
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return Optional.of(new OpenKey(key, old ? Optional.of(wrap(credentialId, seal.seal(credentialId, pkcs8, passphrase))) : Optional.empty()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unlocking failed: " + e.getClass().getSimpleName());
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public List<byte[]> sign(Unlocked unlocked, String digestAlgorithm, List<byte[]> digests) {
        PrivateKey key = ((OpenKey) unlocked).key;
        if (key == null) {
            throw new id.teken.certificate.domain.DomainException(id.teken.certificate.domain.ErrorCode.AUTHORIZATION_INVALID,
                    "Otorisasi tanda tangan sudah kedaluwarsa.");
        }
        try {
            if (digests.size() == 1) {
                return List.of(rsa(key, digestAlgorithm, digests.get(0)));
            }
            // A batch's values on the cores in parallel (one Signature object each), in the digests' order.
            return digests.parallelStream().map(digest -> {
                try {
                    return rsa(key, digestAlgorithm, digest);
                } catch (GeneralSecurityException | IOException e) {
                    throw new java.io.UncheckedIOException(new IOException(e.getClass().getSimpleName()));
                }
            }).toList();
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException("signing failed: " + e.getCause().getMessage());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("signing failed: " + e.getClass().getSimpleName());
        }
    }

    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    @Override
    public List<byte[]> signPss(Unlocked unlocked, String digestAlgorithm, List<byte[]> digests) {
        PrivateKey key = ((OpenKey) unlocked).key;
        if (key == null) {
            throw new id.teken.certificate.domain.DomainException(id.teken.certificate.domain.ErrorCode.AUTHORIZATION_INVALID,
                    "Otorisasi tanda tangan sudah kedaluwarsa.");
        }
        try {
            List<byte[]> out = new java.util.ArrayList<>();
            for (byte[] digest : digests) {
                // The hash is given: BC's raw PSS signer encodes it (MGF1 with the same hash, salt = hash length).
                Signature signature = Signature.getInstance("RAWRSASSA-PSS", BC);
                java.security.spec.MGF1ParameterSpec mgf = new java.security.spec.MGF1ParameterSpec(digestAlgorithm);
                signature.setParameter(new java.security.spec.PSSParameterSpec(digestAlgorithm, "MGF1", mgf, digest.length, 1));
                signature.initSign(key);
                signature.update(digest);
                out.add(signature.sign());
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] rsa(PrivateKey key, String digestAlgorithm, byte[] digest) throws GeneralSecurityException, IOException {
        Signature signature = Signature.getInstance("NONEwithRSA");
        signature.initSign(key);
        signature.update(new DigestInfo(pkcs1DigestAlgorithm(digestAlgorithm), digest).getEncoded(ASN1Encoding.DER));
        return signature.sign();
    }

    private Cipher masterCipher() throws GeneralSecurityException {
        return masterKeyProvider == null ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/GCM/NoPadding", masterKeyProvider);
    }

    private byte[] wrap(UUID credentialId, byte[] plain) throws GeneralSecurityException {
        return wrap(credentialId, plain, V2);
    }

    private byte[] wrap(UUID credentialId, byte[] plain, byte format) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher cipher = masterCipher();
        cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(128, iv));
        cipher.updateAAD(PassphraseSeal.aad(credentialId));
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(1 + iv.length + sealed.length).put(format).put(iv).put(sealed).array();
    }

    private byte[] unwrap(UUID credentialId, byte[] blob) {
        if (blob == null || blob.length < 30 || blob[0] != V1 && blob[0] != V2 && blob[0] != SEAL) {
            throw new IllegalStateException("sealed key has an unknown format");
        }
        try {
            Cipher cipher = masterCipher();
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(128, Arrays.copyOfRange(blob, 1, 13)));
            cipher.updateAAD(PassphraseSeal.aad(credentialId));
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
    static AlgorithmIdentifier pkcs1DigestAlgorithm(String name) {
        org.bouncycastle.asn1.ASN1ObjectIdentifier oid = switch (name) {
            case "SHA-256" -> NISTObjectIdentifiers.id_sha256;
            case "SHA-384" -> NISTObjectIdentifiers.id_sha384;
            case "SHA-512" -> NISTObjectIdentifiers.id_sha512;
            default -> throw new IllegalArgumentException("unsupported digest " + name);
        };
        return new AlgorithmIdentifier(oid, DERNull.INSTANCE);
    }
}
