package id.teken.kit.mail;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Mail bodies at rest in the mail outbox (they may carry a one-time link) are sealed with AES-256-GCM under
 * teken.mail.outbox-key (TEKEN_MAIL_KEY, base64 of 32 bytes; never in the database), the mail's id as authenticated
 * data: a database dump or a replica shows no link before the mail is sent (and once sent the bodies are wiped anyway).
 * Stored form {@code v1:<base64(iv || ciphertext)>}; a body without the prefix (queued before this version) is read as it is.
 */
@ApplicationScoped
public class MailSealer {

    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @jakarta.inject.Inject
    public MailSealer(MailSettings settings) {
        this(settings.outboxKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "teken.mail.outbox-key (TEKEN_MAIL_KEY) is not set: base64 of 32 random bytes")));
    }

    public MailSealer(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("teken.mail.outbox-key (TEKEN_MAIL_KEY) is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("teken.mail.outbox-key (TEKEN_MAIL_KEY) must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String seal(UUID mailId, String body) {
        if (body == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(mailId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("mail body could not be sealed: " + e.getClass().getSimpleName());
        }
    }

    public String open(UUID mailId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] blob = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, blob, 0, 12));
            cipher.updateAAD(mailId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(blob, 12, blob.length - 12), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("mail body does not open with this key (TEKEN_MAIL_KEY changed?)");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("mail body could not be opened: " + e.getClass().getSimpleName());
        }
    }
}
