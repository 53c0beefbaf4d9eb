package id.teken.certificate.application.port.out;

import java.util.UUID;

/**
 * Makes subscriber key pairs and seals the private key: PKCS#8 encrypted under a passphrase-derived key,
 * then wrapped with the master key. The clear private key never leaves this port.
 */
public interface KeyCustody {

    GeneratedKey generate(UUID credentialId, char[] passphrase);

    /** True when the passphrase opens the sealed key. */
    boolean opens(UUID credentialId, byte[] sealedKey, char[] passphrase);

    /**
     * Signs a precomputed digest (PKCS#1 v1.5 over the DigestInfo) with the sealed key; empty when the passphrase
     * does not open it. The clear key lives only for this call.
     */
    default java.util.Optional<byte[]> signDigest(UUID credentialId, byte[] sealedKey, char[] passphrase, String digestAlgorithm, byte[] digest) {
        return signDigests(credentialId, sealedKey, passphrase, digestAlgorithm, java.util.List.of(digest)).map(l -> l.get(0));
    }

    /** Several digests with one unwrapping of the key (a batch: the passphrase is checked once); empty = wrong passphrase. */
    java.util.Optional<java.util.List<byte[]>> signDigests(UUID credentialId, byte[] sealedKey, char[] passphrase, String digestAlgorithm,
                                                         java.util.List<byte[]> digests);

    /** The public key (DER SubjectPublicKeyInfo) and the sealed private key. */
    record GeneratedKey(byte[] publicKeyDer, byte[] sealedKey) {
    }
}
