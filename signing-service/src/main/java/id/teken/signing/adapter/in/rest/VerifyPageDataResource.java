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

/**
 * GET /verify/{documentId}: the page a signature's QR code opens. A browser (Accept: text/html) gets the page in
 * Indonesian, usable on a phone, with the document's facts and a form to upload the PDF and verify it; API callers get
 * the same facts as JSON.
 */
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
        return view(r);
    }

    @GET
    @Produces("text/html;qs=0.5")
    @Operation(summary = "Halaman verifikasi (HTML) untuk pemindai kode QR, dengan formulir unggah untuk memverifikasi berkas")
    public jakarta.ws.rs.core.Response page(@PathParam("documentId") String documentId) {
        SignedDocumentRecord r;
        try {
            r = documents.find(documentId);
        } catch (id.teken.signing.domain.DomainException e) {
            return jakarta.ws.rs.core.Response.status(404).type("text/html; charset=UTF-8")
                    .entity(VerifyPage.notFound()).build();
        }
        return jakarta.ws.rs.core.Response.ok(VerifyPage.render(view(r)), "text/html; charset=UTF-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer").build();
    }

    private static SignedDocumentView view(SignedDocumentRecord r) {
        return new SignedDocumentView(r.documentId().toString(), "SIGNED", r.signerName(), r.serialNumber(), r.signedAt(),
                r.padesLevel(), r.sha256(), "Dokumen ini ditandatangani secara elektronik melalui Teken. Unggah berkasnya ke "
                + "/api/v1/verifications untuk memastikan isinya sama (hash SHA-256 di atas).");
    }
}
