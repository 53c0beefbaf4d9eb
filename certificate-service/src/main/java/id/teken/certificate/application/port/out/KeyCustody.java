package id.teken.certificate.application.port.out;

import java.util.UUID;

/**
 * Makes subscriber key pairs and seals the private key: PKCS#8 encrypted under a passphrase-derived key,
 * then wrapped with the master key. The clear private key never leaves this port.
 */
public interface KeyCustody {

    GeneratedKey generate(UUID credentialId, char[] passphrase);

    /** True when the passphrase opens the sealed key (used by checks and, later, by sign-hash). */
    boolean opens(UUID credentialId, byte[] sealedKey, char[] passphrase);

    /** The public key (DER SubjectPublicKeyInfo) and the sealed private key. */
    record GeneratedKey(byte[] publicKeyDer, byte[] sealedKey) {
    }
}
