package id.teken.signing.adapter.in.rest;

import id.teken.signing.application.port.in.OneTimeDownloadUseCase;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.application.port.in.VerifyDocumentUseCase;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;
import id.teken.signing.domain.SystemClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BSrE Esign Client compatible routes, version 1 (multipart; one-time download, verify, user status), for Pemkab
 * systems that switch by changing the base URL and credential. System clients only (HTTP Basic). Errors keep BSrE's
 * body: {"error", "status_code"} ({@link EsignCompat}).
 */
@Path("/api")
@SecurityRequirement(name = "basic")
@Tag(name = "BSrE Esign Client", description = "Rute kompatibel BSrE Esign Client (v1 dan v2)")
public class EsignV1Resource extends EsignRoutes {

    
    @POST
    @Path("/sign/pdf")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "v1: tanda tangani PDF (file, nik, passphrase, totp, tampilan, image, imageTTD, linkQR, page/halaman, xAxis, yAxis, width, height, tag_koordinat, reason, location, text); header id_dokumen")
    public Response signV1(@RestForm("file") FileUpload file, @RestForm("nik") String nik, @RestForm("passphrase") String passphrase,
                           @RestForm("tampilan") String tampilan, @RestForm("image") String image, @RestForm("imageTTD") FileUpload specimen,
                           @RestForm("linkQR") String linkQr, @RestForm("page") String page, @RestForm("halaman") String halaman,
                           @RestForm("xAxis") String x, @RestForm("yAxis") String y, @RestForm("width") String width,
                           @RestForm("height") String height, @RestForm("tag_koordinat") String marker, @RestForm("reason") String reason,
                           @RestForm("location") String location, @RestForm("text") String text, @RestForm("totp") String totp) {
        SystemClient client = callers.system();
        String clientId = "client:" + client.username();
        byte[] bytes = Forms.read(file, config.signing().maxPdfSize().asLongValue(), ErrorCode.PDF_TOO_LARGE, "Ukuran PDF maksimal " + EsignCompat.mb(config.signing().maxPdfSize()) + " MB.");
        PdfDocument document = PdfDocument.of(file == null ? null : file.fileName(), bytes, config.signing().maxPdfSize().asLongValue());
        if (Forms.blankToNull(nik) == null) {
            throw new DomainException(ErrorCode.SIGNER_REQUIRED, "nik wajib diisi.");
        }
        Appearance appearance = Forms.appearance(tampilan, image, Forms.of(specimen), page != null ? page : halaman, x, y,
                Appearance.Origin.BOTTOM_LEFT, width, height, marker, text, reason, location, linkQr);
        SignDocumentUseCase.SignedDocument signed = signing.sign(new SignDocumentUseCase.SignCommand(
                SignatureResource.systemSigner(null, nik, null), SignDocumentUseCase.Requester.of(client), List.of(document),
                SignatureResource.chars(passphrase), PadesLevel.parse(config.signing().defaultLevel(), PadesLevel.B_LT), List.of(appearance),
                null, Forms.blankToNull(totp))).get(0);
        downloads.keep(signed.documentId(), clientId, Forms.safeName(document.name()) + "_signed.pdf", signed.pdf());
        return Response.ok(signed.pdf(), "application/pdf").header("id_dokumen", signed.documentId())
                .header("X-Document-Id", signed.documentId())
                .header("Content-Disposition", "attachment; filename=\"" + Forms.safeName(document.name()) + "_signed.pdf\"").build();
    }

    @GET
    @Path("/sign/download/{id}")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "v1: unduh PDF bertanda tangan sekali; unduhan kedua 404 \"Dokumen telah didownload sebelumnya\"")
    public Response download(@PathParam("id") String id) {
        SystemClient client = callers.system();
        OneTimeDownloadUseCase.Download d = downloads.take(id, "client:" + client.username());
        return Response.ok(d.pdf(), "application/pdf").header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"").build();
    }

    @POST
    @Path("/sign/verify")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v1: verifikasi PDF (signed_file)")
    public Map<String, Object> verifyV1(@RestForm("signed_file") FileUpload file) {
        return verifyUpload(file);
    }

    /** What some integrations call instead: the same verification with the multipart field {@code file}. */
    @POST
    @Path("/verify/pdf")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v1 (seperti yang dikirim integrasi): verifikasi PDF dengan field multipart file; jawaban seperti /api/sign/verify")
    public Map<String, Object> verifyPdf(@RestForm("file") FileUpload file) {
        return verifyUpload(file);
    }

    private Map<String, Object> verifyUpload(FileUpload file) {
        callers.system();
        byte[] bytes = Forms.read(file, config.signing().maxPdfSize().asLongValue(), ErrorCode.PDF_TOO_LARGE, "Ukuran PDF maksimal " + EsignCompat.mb(config.signing().maxPdfSize()) + " MB.");
        VerifyDocumentUseCase.VerificationReport report = verification.verify(PdfDocument.of(file == null ? null : file.fileName(),
                bytes, config.signing().maxPdfSize().asLongValue()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nama_dokumen", report.documentName());
        out.put("jumlah_signature", report.signatureCount());
        out.put("notes", report.summary());
        out.put("summary", switch (report.conclusion()) {
            case "VALID" -> "VALID";
            case "NO_SIGNATURE" -> null;
            default -> "DOCUMENT NOT VALID !!!";
        });
        List<Map<String, Object>> details = new ArrayList<>();
        for (VerifyDocumentUseCase.SignatureReport s : report.signatures()) {
            VerifyDocumentUseCase.Details d = s.details();
            Map<String, Object> tsa = new LinkedHashMap<>();
            tsa.put("name", d.timestampSignerName());
            tsa.put("tsa_cert_validity", s.timestampTimes().isEmpty() ? null : s.timestampTimes().get(0).toString());
            Map<String, Object> signer = new LinkedHashMap<>();
            signer.put("issuer_dn", d.issuerDn());
            signer.put("signer_name", s.signerName());
            signer.put("signer_cert_validity", s.certificateValidFrom() + " - " + s.certificateValidTo());
            signer.put("signer_dn", s.signerDn());
            signer.put("cert_user_certified", s.chainTrusted());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("signed_using_tsa", !s.timestampTimes().isEmpty());
            doc.put("reason", d.reason());
            doc.put("document_integrity", s.integrityValid());
            doc.put("signature_value", s.integrityValid() ? "VALID" : "INVALID");
            doc.put("signed_in", s.signingTime() == null ? null : s.signingTime().toString());
            doc.put("location", d.location());
            doc.put("hash_value", d.digestAlgorithm());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("signature_field", d.fieldName());
            detail.put("info_tsa", tsa);
            detail.put("info_signer", signer);
            detail.put("signature_document", doc);
            details.add(detail);
        }
        out.put("details", details);
        return out;
    }

    @GET
    @Path("/user/status/{nik}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v1: status pengguna menurut NIK (1111 ISSUE, 1110 NOT_REGISTERED, 1112 status lain)")
    public Map<String, Object> statusV1(@PathParam("nik") String nik) {
        return statusOf(nik);
    }

    /** What some integrations call: the same answer as /api/user/status/{nik}. */
    @GET
    @Path("/user/profile/{nik}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v1 (seperti yang dikirim integrasi): status pengguna menurut NIK, seperti /api/user/status/{nik}")
    public Map<String, Object> profileV1(@PathParam("nik") String nik) {
        return statusOf(nik);
    }

    private Map<String, Object> statusOf(String nik) {
        callers.system();
        if (nik == null || !nik.matches("\\d{16}")) {
            throw new DomainException(ErrorCode.SIGNER_REQUIRED, "NIK harus 16 digit.");
        }
        return EsignCompat.status(statuses.status(nik, null));
    }
}
