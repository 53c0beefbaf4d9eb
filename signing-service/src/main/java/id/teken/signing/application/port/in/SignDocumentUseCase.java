package id.teken.signing.application.port.in;

import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;

import java.util.List;

/** Signs PDFs for their owner with the passphrase; the key stays in certificate-service. */
public interface SignDocumentUseCase {

    SignedDocument sign(SignDocumentCommand command);

    /**
     * Many PDFs, one passphrase entry. Every file is checked (readable, not encrypted, block placeable) before the first
     * is signed; if any file or signature fails, none is delivered or recorded as signed.
     */
    List<SignedDocument> signBatch(SignBatchCommand command);

    /** The signer: by NIP (a signed-in ASN) or, for system clients, by NIP, NIK or email. Exactly one is set. */
    record SignerRef(String nip, String nik, String email) {
        public static SignerRef nip(String nip) {
            return new SignerRef(nip, null, null);
        }
    }

    /** Who signs what, how. */
    record SignDocumentCommand(SignerRef signer, String clientId, PdfDocument document, char[] passphrase, PadesLevel level,
                               Appearance appearance) {
    }

    /** Who signs which documents, how (one appearance for all, or one per document). */
    record SignBatchCommand(SignerRef signer, String clientId, List<PdfDocument> documents, char[] passphrase, PadesLevel level,
                            List<Appearance> appearances) {
    }

    /**
     * The signed PDF, what the audit keeps about it, and where the time went: the passphrase check (certificate-service's
     * sign-hash, one call for a whole batch) and the whole signing, both for the request the document came in.
     */
    record SignedDocument(String documentId, String name, byte[] pdf, String sha256, PadesLevel level, String serialNumber,
                          long passphraseCheckMillis, long totalMillis) {
    }
}
