package id.teken.signing.adapter.in.rest;

import id.teken.signing.config.SigningConfig;
import id.teken.signing.application.port.in.VerifyDocumentUseCase;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PdfDocument;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** POST /api/v1/verifications: anyone checks the signatures of a PDF (JSON report). */
@Path("/api/v1/verifications")
@Tag(name = "Verifikasi", description = "Memeriksa tanda tangan elektronik pada PDF")
public class VerificationResource {

    @Inject
    SigningConfig config;

    @Inject
    VerifyDocumentUseCase verification;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Laporan verifikasi: tiap tanda tangan (penanda tangan, sertifikat, waktu, cap waktu, keutuhan, rantai ke root, pencabutan, level PAdES) dan kesimpulan")
    public VerifyDocumentUseCase.VerificationReport verify(InputStream body, @HeaderParam("Content-Type") String contentType,
                                                           @HeaderParam("Content-Length") String contentLength) {
        long max = config.signing().maxPdfSize().asLongValue();
        // Our own multipart reading (MultipartForm): one boundary search over the PDF, nothing written to disk.
        try (MultipartForm form = MultipartForm.read(body, contentType, contentLength, max + 64 * 1024, ErrorCode.PDF_TOO_LARGE,
                "Ukuran PDF maksimal " + (max / (1024 * 1024)) + " MB.", ErrorCode.VERIFICATION_BUSY)) {
            MultipartForm.Part file = form.part("file");
            return verification.verify(PdfDocument.of(file == null ? null : file.fileName(), file == null ? null : file.data(), max));
        }
    }
}
