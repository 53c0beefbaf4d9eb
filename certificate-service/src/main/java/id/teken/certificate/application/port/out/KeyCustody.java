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
     * Opens the key for a short signature authorization (the CSC API's "authorize, then signHash"): empty = wrong
     * passphrase. The handle stays inside this service; {@link Unlocked#destroy()} drops the key.
     */
    Optional<Unlocked> unlock(UUID credentialId, byte[] sealedKey, char[] passphrase);

    /** PKCS#1 v1.5 signatures over the digests' DigestInfos with an unlocked key. */
    List<byte[]> sign(Unlocked key, String digestAlgorithm, List<byte[]> digests);

    /**
     * RSASSA-PSS signatures over the digests (MGF1 with the same hash, a salt as long as the hash, trailer 1: RFC 8017's
     * usual parameters); a custody that cannot make them refuses.
     */
    default List<byte[]> signPss(Unlocked key, String digestAlgorithm, List<byte[]> digests) {
        throw new UnsupportedOperationException("RSASSA-PSS is not offered by this key custody");
    }

    /** An opened key (an HSM would hand out a session handle instead), and its re-sealing when it came in an older format. */
    interface Unlocked {
        Optional<byte[]> resealed();

        void destroy();
    }

    /** The public key (DER SubjectPublicKeyInfo) and the sealed private key. */
    record GeneratedKey(byte[] publicKeyDer, byte[] sealedKey) {
    }
}
