package id.teken.signing.adapter.in.rest;

import id.teken.signing.application.port.in.LookUpSignedDocumentUseCase;
import id.teken.signing.application.port.out.SignedDocuments.SignedDocumentRecord;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** GET /verify/{documentId}: the data of the page a signature's QR code opens (the HTML page comes with the gateway). */
@Path("/verify/{documentId}")
@Tag(name = "Verifikasi")
public class VerifyPageDataResource {

    @Inject
    LookUpSignedDocumentUseCase documents;

    /** What anyone holding the QR code may see; no NIP. */
    public record SignedDocumentView(String documentId, String status, String signerName, String certificateSerialNumber,
                                     Instant signedAt, String padesLevel, String documentSha256, String message) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Data dokumen bertanda tangan untuk halaman verifikasi (penanda tangan, waktu, level, hash SHA-256)")
    public SignedDocumentView view(@PathParam("documentId") String documentId) {
        SignedDocumentRecord r = documents.find(documentId);
        return new SignedDocumentView(r.documentId().toString(), "SIGNED", r.signerName(), r.serialNumber(), r.signedAt(),
                r.padesLevel(), r.sha256(), "Dokumen ini ditandatangani secara elektronik melalui Teken. Unggah berkasnya ke "
                + "/api/v1/verifications untuk memastikan isinya sama (hash SHA-256 di atas).");
    }
}
