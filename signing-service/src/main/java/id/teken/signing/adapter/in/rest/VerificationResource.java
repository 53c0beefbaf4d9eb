package id.teken.signing.adapter.in.rest;

import id.teken.signing.config.SigningConfig;
import id.teken.signing.application.port.in.VerifyDocumentUseCase;
import id.teken.signing.domain.PdfDocument;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
    public VerifyDocumentUseCase.VerificationReport verify(@RestForm("file") FileUpload file) {
        byte[] bytes;
        try {
            bytes = file == null ? null : Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return verification.verify(PdfDocument.of(file == null ? null : file.fileName(), bytes, config.signing().maxPdfSize().asLongValue()));
    }
}
