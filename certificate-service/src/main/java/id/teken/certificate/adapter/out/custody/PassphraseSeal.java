package id.teken.certificate.adapter.out.custody;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The inner layer of a sealed key, under the passphrase: format 2 is AES-256-GCM under an Argon2id-derived key (the
 * parameters and salt stored in front, so older parameters still open), format 1 PKCS#8 PBES2 with PBKDF2. At most
 * {@code maxConcurrent} derivations run at once (each holds its memory); a caller waits up to 10 s for a turn.
 */
final class PassphraseSeal {

    static final byte V1 = 1;
    static final byte V2 = 2;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Our own instance, not the global registry's (which may hold one from another class loader). */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private final int memoryKib;
    private final int passes;
    private final int lanes;
    private final Semaphore derivations;
    private final Argon2id argon2 = new Argon2id();

    PassphraseSeal(int memoryKib, int passes, int lanes, int maxConcurrent) {
        this.memoryKib = memoryKib;
        this.passes = passes;
        this.lanes = lanes;
        this.derivations = new Semaphore(Math.max(1, maxConcurrent), true);
    }

    /** Format 2's inner layer: AES-256-GCM under the Argon2id-derived key, with the parameters and salt in front. */
    byte[] seal(UUID credentialId, byte[] pkcs8, char[] passphrase) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] derived = derive(passphrase, salt, memoryKib, passes, lanes);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(credentialId));
            byte[] encrypted = cipher.doFinal(pkcs8);
            byte[] inner = ByteBuffer.allocate(1 + 12 + salt.length + iv.length + encrypted.length).put(V2).putInt(memoryKib)
                    .putInt(passes).putInt(lanes).put(salt).put(iv).put(encrypted).array();
            return inner;
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** A format 2 blob sealed with today's memory, passes and lanes (anything else is re-sealed on its next use). */
    boolean currentParameters(byte[] inner) {
        if (inner.length < 13 || inner[0] != V2) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(inner, 1, 12);
        return in.getInt() == memoryKib && in.getInt() == passes && in.getInt() == lanes;
    }

    Optional<byte[]> openV2(UUID credentialId, byte[] inner, char[] passphrase) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(inner);
        if (inner.length < 1 + 12 + 16 + 12 + 16 || in.get() != V2) {
            throw new IllegalStateException("sealed key has an unknown inner format");
        }
        int m = in.getInt();
        int t = in.getInt();
        int p = in.getInt();
        if (m < 8 || m > 1024 * 1024 || t < 1 || t > 16 || p < 1 || p > 16) {
            throw new IllegalStateException("sealed key has implausible Argon2 parameters");
        }
        byte[] salt = new byte[16];
        in.get(salt);
        byte[] iv = new byte[12];
        in.get(iv);
        byte[] encrypted = new byte[in.remaining()];
        in.get(encrypted);
        byte[] derived = derive(passphrase, salt, m, t, p);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(credentialId));
            return Optional.of(cipher.doFinal(encrypted));
        } catch (AEADBadTagException wrongPassphrase) {
            return Optional.empty();
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** Format 1: PKCS#8 PBES2 (PBKDF2-HMAC-SHA256) under the passphrase. */
    Optional<byte[]> openV1(byte[] inner, char[] passphrase) {
        acquire();
        try {
            PrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(inner)
                    .decryptPrivateKeyInfo(new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BC).build(passphrase));
            return Optional.of(info.getEncoded());
        } catch (PKCSException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("sealed key unreadable");
        } finally {
            derivations.release();
        }
    }

    private byte[] derive(char[] passphrase, byte[] salt, int m, int t, int p) {
        acquire();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            return argon2.derive(bytes, salt, null, null, m, t, p, 32);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            derivations.release();
        }
    }

    private void acquire() {
        try {
            if (!derivations.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no key derivation turn within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a key derivation turn");
        }
    }

    static byte[] aad(UUID credentialId) {
        return credentialId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
