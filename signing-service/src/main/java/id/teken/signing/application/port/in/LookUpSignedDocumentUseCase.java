package id.teken.signing.application.port.in;

import id.teken.signing.application.port.out.SignedDocuments.SignedDocumentRecord;

/** GET /verify/{documentId}: what is known about a document Teken signed (404 for an unknown id). */
public interface LookUpSignedDocumentUseCase {

    SignedDocumentRecord find(String documentId);
}
