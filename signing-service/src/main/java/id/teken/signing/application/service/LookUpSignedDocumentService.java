package id.teken.signing.application.service;

import id.teken.signing.application.port.in.LookUpSignedDocumentUseCase;
import id.teken.signing.application.port.out.SignedDocuments;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.util.UUID;

/** Looks up a signed document by the id printed in its QR code. */
@ApplicationScoped
@RequiredArgsConstructor
public class LookUpSignedDocumentService implements LookUpSignedDocumentUseCase {

    private final SignedDocuments documents;

    @Override
    @Transactional
    public SignedDocuments.SignedDocumentRecord find(String documentId) {
        UUID id;
        try {
            id = UUID.fromString(documentId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound();
        }
        return documents.find(id).orElseThrow(LookUpSignedDocumentService::notFound);
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.DOCUMENT_NOT_FOUND, "Dokumen tidak ditemukan di Teken.");
    }
}
