package id.teken.signing.application.port.out;

import java.util.List;

/** certificate-service's key custody, reached over the internal API: the signer's chain, and sign-hash. */
public interface SigningKeys {

    /** Throws NOT_REGISTERED / SIGNING_UNAVAILABLE DomainExceptions. */
    SignerCertificate signerCertificate(String nip);

    /** Throws PASSPHRASE_WRONG, CREDENTIAL_LOCKED, CERTIFICATE_NOT_ACTIVE, SIGNING_UNAVAILABLE DomainExceptions. */
    byte[] signDigest(String nip, byte[] digest, String digestAlgorithm, char[] passphrase);

    /** Several digests, one passphrase check (certificate-service unwraps the key once); same errors as signDigest. */
    List<byte[]> signDigests(String nip, List<byte[]> digests, String digestAlgorithm, char[] passphrase);

    /** The signer's certificate state and chain (DER, leaf first). */
    record SignerCertificate(String serialNumber, String subjectCommonName, String status, boolean locked, List<byte[]> chainDer) {
    }
}
