package id.teken.signing.application.port.in;

import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;

/** Signs one PDF for its owner with the passphrase; the key stays in certificate-service. */
public interface SignDocumentUseCase {

    SignedDocument sign(SignDocumentCommand command);

    /** Who signs what, how. */
    record SignDocumentCommand(String nip, String clientId, PdfDocument document, char[] passphrase, PadesLevel level) {
    }

    /** The signed PDF and what the audit keeps about it. */
    record SignedDocument(String documentId, byte[] pdf, String sha256, PadesLevel level, String serialNumber) {
    }
}
