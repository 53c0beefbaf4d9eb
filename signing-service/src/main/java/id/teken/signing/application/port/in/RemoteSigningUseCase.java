package id.teken.signing.application.port.in;

import id.teken.signing.domain.CertificateStatus;

import java.util.List;

/**
 * Remote signing of hashes by a signed-in ASN, the Cloud Signature Consortium way: the credential (the ASN's current
 * certificate and its key in certificate-service), an authorization for given hashes (the passphrase checked once, counted
 * toward the same lockout as every other path), then signatures over exactly those hashes. The private key never leaves
 * certificate-service.
 */
public interface RemoteSigningUseCase {

    /** The signer's credentials: the current certificate, if there is one. */
    List<Credential> credentials(String nip);

    /** One of the signer's credentials; CREDENTIAL_UNKNOWN when the id is not the signer's. */
    Credential credential(String nip, String credentialId);

    /**
     * Checks the passphrase and opens the key for {@code hashes} (each signable once) for a few minutes, or, without hashes,
     * for {@code numSignatures} documents that Teken signs itself (signDocuments only); PASSPHRASE_WRONG, CREDENTIAL_LOCKED,
     * CERTIFICATE_NOT_ACTIVE, CREDENTIAL_UNKNOWN DomainExceptions.
     */
    Authorization authorize(AuthorizeCommand command);

    /**
     * PAdES signatures on the PDFs under an authorization for documents (the CSC API's signDoc), invisible, at the level
     * asked; the same checks, records and events as every other signature. AUTHORIZATION_INVALID when the SAD is not one for
     * documents, or is used up, expired or someone else's.
     */
    List<SignDocumentUseCase.SignedDocument> signDocuments(SignDocumentsCommand command);

    /**
     * PKCS#1 v1.5 (or RSASSA-PSS) signatures over the hashes with an authorization; AUTHORIZATION_INVALID when it does not
     * cover them.
     */
    List<byte[]> signHashes(SignHashesCommand command);

    /** The credential: its id (the certificate's serial), status, whether it is locked, the chain (DER, leaf first). */
    record Credential(String id, CertificateStatus status, boolean locked, List<byte[]> chainDer) {
    }

    /** The SAD and its life in seconds. */
    record Authorization(String sad, long expiresInSeconds) {
    }

    /**
     * {@code digestAlgorithm}: SHA-256, SHA-384 or SHA-512; 1-100 hashes of its length. Without hashes (empty), an
     * authorization for {@code numSignatures} documents.
     */
    record AuthorizeCommand(String nip, String credentialId, List<byte[]> hashes, String digestAlgorithm, char[] passphrase,
                            int numSignatures) {
        public AuthorizeCommand(String nip, String credentialId, List<byte[]> hashes, String digestAlgorithm, char[] passphrase) {
            this(nip, credentialId, hashes, digestAlgorithm, passphrase, hashes == null ? 0 : hashes.size());
        }
    }

    record SignDocumentsCommand(String nip, String credentialId, String sad, List<id.teken.signing.domain.PdfDocument> documents,
                                id.teken.signing.domain.PadesLevel level) {
    }

    /** {@code pss}: RSASSA-PSS (MGF1 with the same hash, salt as long as the hash) instead of PKCS#1 v1.5. */
    record SignHashesCommand(String nip, String credentialId, String sad, List<byte[]> hashes, String digestAlgorithm, boolean pss) {
        public SignHashesCommand(String nip, String credentialId, String sad, List<byte[]> hashes, String digestAlgorithm) {
            this(nip, credentialId, sad, hashes, digestAlgorithm, false);
        }
    }
}
