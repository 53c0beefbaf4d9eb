package id.teken.signing.adapter.in.rest;

import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** POST /api/v1/signatures: the signed-in ASN signs a PDF with their passphrase (invisible PAdES signature). */
@Path("/api/v1/signatures")
@RolesAllowed("ASN")
@SecurityRequirement(name = "jwt")
@Tag(name = "Tanda Tangan", description = "Menandatangani PDF dengan sertifikat elektronik (PAdES)")
public class SignatureResource {

    @Inject
    SignDocumentUseCase signing;

    @Inject
    JsonWebToken jwt;

    @ConfigProperty(name = "teken.signing.max-pdf-size")
    MemorySize maxPdf;

    @ConfigProperty(name = "teken.signing.default-level")
    String defaultLevel;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "Tanda tangani PDF (multipart: file, passphrase, level B-B atau B-T); hasil PDF, header X-Document-Id")
    public Response sign(@RestForm("file") FileUpload file, @RestForm("passphrase") String passphrase, @RestForm("level") String level) {
        byte[] bytes = file == null ? null : read(file);
        PdfDocument document = PdfDocument.of(file == null ? null : file.fileName(), bytes, maxPdf.asLongValue());
        PadesLevel padesLevel = PadesLevel.parse(level, PadesLevel.parse(defaultLevel, PadesLevel.B_T));
        SignDocumentUseCase.SignedDocument signed = signing.sign(new SignDocumentUseCase.SignDocumentCommand(jwt.getSubject(),
                "web:" + jwt.getSubject(), document, passphrase == null ? null : passphrase.toCharArray(), padesLevel));
        return Response.ok(signed.pdf(), "application/pdf")
                .header("X-Document-Id", signed.documentId())
                .header("id_dokumen", signed.documentId())
                .header("X-Signature-Level", signed.level().label())
                .header("Content-Disposition", "attachment; filename=\"" + document.name().replaceAll("[^A-Za-z0-9._-]", "_")
                        .replaceAll("(?i)\\.pdf$", "") + "_signed.pdf\"")
                .build();
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
