package id.teken.signing.application.port.out;

import java.util.List;

/**
 * certificate-service's key custody, reached over the internal API: the signer's chain, and sign-hash. {@code channel}
 * names who asks ({@code client:<username>} for a system client, whose wrong passphrases lock only its own use; else the
 * owner's own use).
 */
public interface SigningKeys {

    /** Throws NOT_REGISTERED / SIGNING_UNAVAILABLE DomainExceptions; {@code locked} is about the channel. */
    SignerCertificate signerCertificate(String nip, String channel);

    /**
     * Signs the digests with one passphrase check (certificate-service unwraps the key once). Throws PASSPHRASE_WRONG,
     * CREDENTIAL_LOCKED, CREDENTIAL_BUSY, CERTIFICATE_NOT_ACTIVE, SIGNING_UNAVAILABLE DomainExceptions.
     */
    List<byte[]> signDigests(String nip, List<byte[]> digests, String digestAlgorithm, char[] passphrase, String channel);

    /** The signer's certificate state and chain (DER, leaf first). */
    record SignerCertificate(String serialNumber, String subjectCommonName, String status, boolean locked, List<byte[]> chainDer) {
    }
}
