package id.teken.signing.application.port.in;

import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;

import java.time.Instant;
import java.util.List;

/**
 * Seals (segel elektronik, BSrE v2 seal) for system clients whose scope covers the seal's unit: activate the seal (a code
 * mailed to the unit), ask with that code for a seal TOTP for some documents, and seal PDFs with the TOTP. The key stays in
 * certificate-service; documents are checked and prepared before the TOTP is spent.
 */
public interface SealDocumentUseCase {

    /** Without {@code code}: mails a new activation code to the unit; with the current one: renews it. */
    Activation activate(String sealId, SignDocumentUseCase.Requester requester, String code);

    void revokeActivation(String sealId, SignDocumentUseCase.Requester requester, String code);

    Totp totp(String sealId, SignDocumentUseCase.Requester requester, String activationCode, int documents);

    /** Every file is checked first; if any file or signature fails, none is delivered or recorded. */
    List<SignDocumentUseCase.SignedDocument> seal(SealCommand command);

    record Activation(String code, Instant expiresAt, boolean mailed) {
    }

    record Totp(String code, Instant expiresAt, int documents) {
    }

    record SealCommand(String sealId, SignDocumentUseCase.Requester requester, List<PdfDocument> documents, PadesLevel level,
                       List<Appearance> appearances, String totp) {
        public SealCommand {
            if (documents == null || documents.isEmpty()) {
                throw new DomainException(ErrorCode.PDF_REQUIRED, "Unggah minimal satu berkas PDF.");
            }
            if (appearances == null || appearances.size() != 1 && appearances.size() != documents.size()) {
                throw new DomainException(ErrorCode.APPEARANCE_INVALID, "Sebutkan satu pengaturan tampilan untuk semua berkas atau satu per berkas.");
            }
            if (totp == null || totp.isBlank()) {
                throw new DomainException(ErrorCode.TOTP_WRONG, "totp wajib diisi (TOTP segel dari seal/get/totp).");
            }
            documents = List.copyOf(documents);
            appearances = List.copyOf(appearances);
        }
    }
}
