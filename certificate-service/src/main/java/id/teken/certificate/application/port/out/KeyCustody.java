package id.teken.certificate.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes subscriber key pairs and seals the private key: encrypted under a passphrase-derived key, then wrapped with the
 * master key. The clear private key never leaves this port.
 */
public interface KeyCustody {

    GeneratedKey generate(UUID credentialId, char[] passphrase);

    /**
     * Signs digests (PKCS#1 v1.5 over each DigestInfo) with one unwrapping of the key (a batch: the passphrase is checked
     * once); empty = wrong passphrase. When the key was sealed in an older format, the result also carries the key
     * sealed anew in the current one, for the caller to store. The clear key lives only for this call.
     */
    Optional<Signed> signDigests(UUID credentialId, byte[] sealedKey, char[] passphrase, String digestAlgorithm, List<byte[]> digests);

    /**
     * Opens the key for a short signature authorization (the CSC API's "authorize, then signHash"): empty = wrong
     * passphrase. The handle stays inside this service; {@link Unlocked#destroy()} drops the key.
     */
    Optional<Unlocked> unlock(UUID credentialId, byte[] sealedKey, char[] passphrase);

    /** PKCS#1 v1.5 signatures over the digests' DigestInfos with an unlocked key. */
    List<byte[]> sign(Unlocked key, String digestAlgorithm, List<byte[]> digests);

    /** An opened key (an HSM would hand out a session handle instead), and its re-sealing when it came in an older format. */
    interface Unlocked {
        Optional<byte[]> resealed();

        void destroy();
    }

    /** The public key (DER SubjectPublicKeyInfo) and the sealed private key. */
    record GeneratedKey(byte[] publicKeyDer, byte[] sealedKey) {
    }

    /** The signatures in the digests' order, and the key re-sealed in the current format if it was in an older one. */
    record Signed(List<byte[]> signatures, Optional<byte[]> resealed) {
    }
}
