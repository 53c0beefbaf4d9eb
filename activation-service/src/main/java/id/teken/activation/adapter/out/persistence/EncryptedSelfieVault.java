package id.teken.activation.adapter.out.persistence;

import id.teken.activation.config.ActivationConfig;
import id.teken.activation.application.port.out.SelfieVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Selfies encrypted with AES-256-GCM under a key from configuration (TEKEN_SELFIE_KEY, base64 of 32
 * bytes) that never enters the database; the activation id is the authenticated additional data, so a
 * ciphertext cannot be moved to another activation.
 */
@ApplicationScoped
public class EncryptedSelfieVault implements SelfieVault {

    @Inject
    ActivationConfig config;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    private SecretKeySpec key;

    private synchronized SecretKeySpec key() {
        if (key == null) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(config.selfie().encryptionKey().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("teken.selfie.encryption-key is not base64");
            }
            if (raw.length != 32) {
                throw new IllegalStateException("teken.selfie.encryption-key must be 32 bytes (base64)");
            }
            key = new SecretKeySpec(raw, "AES");
        }
        return key;
    }

    @Override
    public void store(UUID activationId, String contentType, byte[] image) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, iv, activationId, image);
        entityManager.createNativeQuery("""
                        INSERT INTO activation_selfie (activation_id, content_type, iv, ciphertext, stored_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (activation_id) DO UPDATE SET content_type = EXCLUDED.content_type,
                          iv = EXCLUDED.iv, ciphertext = EXCLUDED.ciphertext, stored_at = EXCLUDED.stored_at""")
                .setParameter(1, activationId).setParameter(2, contentType).setParameter(3, iv)
                .setParameter(4, ciphertext).setParameter(5, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    @Override
    public Optional<StoredSelfie> load(UUID activationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT content_type, iv, ciphertext FROM activation_selfie WHERE activation_id = ?1")
                .setParameter(1, activationId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new StoredSelfie((String) row[0], crypt(Cipher.DECRYPT_MODE, (byte[]) row[1], activationId, (byte[]) row[2])));
    }

    @Override
    public int purgeDecidedBefore(Instant cutoff) {
        return entityManager.createNativeQuery("""
                        DELETE FROM activation_selfie s USING activation a
                        WHERE s.activation_id = a.id AND a.decided_at IS NOT NULL AND a.decided_at < ?1""")
                .setParameter(1, Timestamp.from(cutoff)).executeUpdate();
    }

    private byte[] crypt(int mode, byte[] iv, UUID activationId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(activationId.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("selfie " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption") + " failed");
        }
    }
}
