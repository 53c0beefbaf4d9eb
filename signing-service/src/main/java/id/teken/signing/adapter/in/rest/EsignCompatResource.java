package id.teken.signing.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import id.teken.signing.application.port.in.LookUpSignerStatusUseCase;
import id.teken.signing.application.port.in.OneTimeDownloadUseCase;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.application.port.in.VerifyDocumentUseCase;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;
import id.teken.signing.domain.SystemClient;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BSrE Esign Client compatible routes (v1 multipart, v2 JSON with base64), for Pemkab systems that switch by changing
 * the base URL and credential. System clients only (HTTP Basic). Errors keep BSrE's body: {"error", "status_code"}.
 */
@Path("/api")
@SecurityRequirement(name = "basic")
@Tag(name = "BSrE Esign Client", description = "Rute kompatibel BSrE Esign Client (v1 dan v2)")
public class EsignCompatResource {

    @Inject
    SignDocumentUseCase signing;

    @Inject
    VerifyDocumentUseCase verification;

    @Inject
    OneTimeDownloadUseCase downloads;

    @Inject
    LookUpSignerStatusUseCase statuses;

    @Inject
    Callers callers;

    @ConfigProperty(name = "teken.signing.max-pdf-size")
    MemorySize maxPdf;

    @ConfigProperty(name = "teken.signing.max-batch-size")
    MemorySize maxBatch;

    @ConfigProperty(name = "teken.signing.default-level")
    String defaultLevel;

    // ---------------------------------------------------------------- v1

    @POST
    @Path("/sign/pdf")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "v1: tanda tangani PDF (file, nik, passphrase, tampilan, image, imageTTD, linkQR, page/halaman, xAxis, yAxis, width, height, tag_koordinat, reason, location, text); header id_dokumen")
    public Response signV1(@RestForm("file") FileUpload file, @RestForm("nik") String nik, @RestForm("passphrase") String passphrase,
                           @RestForm("tampilan") String tampilan, @RestForm("image") String image, @RestForm("imageTTD") FileUpload specimen,
                           @RestForm("linkQR") String linkQr, @RestForm("page") String page, @RestForm("halaman") String halaman,
                           @RestForm("xAxis") String x, @RestForm("yAxis") String y, @RestForm("width") String width,
                           @RestForm("height") String height, @RestForm("tag_koordinat") String marker, @RestForm("reason") String reason,
                           @RestForm("location") String location, @RestForm("text") String text) {
        SystemClient client = callers.system();
        String clientId = "client:" + client.username();
        byte[] bytes = Forms.read(file, maxPdf.asLongValue(), ErrorCode.PDF_TOO_LARGE, "Ukuran PDF maksimal " + mb(maxPdf) + " MB.");
        PdfDocument document = PdfDocument.of(file == null ? null : file.fileName(), bytes, maxPdf.asLongValue());
        if (Forms.blankToNull(nik) == null) {
            throw new DomainException(ErrorCode.SIGNER_REQUIRED, "nik wajib diisi.");
        }
        Appearance appearance = Forms.appearance(tampilan, image, specimen, page != null ? page : halaman, x, y,
                Appearance.Origin.BOTTOM_LEFT, width, height, marker, text, reason, location, linkQr);
        SignDocumentUseCase.SignedDocument signed = signing.sign(new SignDocumentUseCase.SignCommand(
                SignatureResource.systemSigner(null, nik, null), SignDocumentUseCase.Requester.of(client), List.of(document),
                SignatureResource.chars(passphrase), PadesLevel.parse(defaultLevel, PadesLevel.B_LT), List.of(appearance))).get(0);
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
        callers.system();
        byte[] bytes = Forms.read(file, maxPdf.asLongValue(), ErrorCode.PDF_TOO_LARGE, "Ukuran PDF maksimal " + mb(maxPdf) + " MB.");
        VerifyDocumentUseCase.VerificationReport report = verification.verify(PdfDocument.of(file == null ? null : file.fileName(),
                bytes, maxPdf.asLongValue()));
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
        callers.system();
        if (nik == null || !nik.matches("\\d{16}")) {
            throw new DomainException(ErrorCode.SIGNER_REQUIRED, "NIK harus 16 digit.");
        }
        return status(statuses.status(nik, null));
    }

    // ---------------------------------------------------------------- v2

    @POST
    @Path("/v2/sign/pdf")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2: tanda tangani PDF base64 {nik|email, passphrase, signatureProperties[], file[]} -> {time, file[]}")
    public Response signV2(JsonNode body) {
        SystemClient client = callers.system();
        long started = System.currentTimeMillis();
        if (body == null || !body.isObject()) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "Badan permintaan JSON wajib diisi.");
        }
        if (!text(body, "totp").isEmpty() && text(body, "passphrase").isEmpty()) {
            throw new DomainException(ErrorCode.TOTP_NOT_SUPPORTED, "TOTP belum didukung Teken; gunakan passphrase.");
        }
        JsonNode files = body.path("file");
        if (!files.isArray() || files.isEmpty()) {
            throw new DomainException(ErrorCode.PDF_REQUIRED, "file (array base64) wajib diisi.");
        }
        List<PdfDocument> documents = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(files.get(i).asText("").replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new DomainException(ErrorCode.PDF_INVALID, "file[" + i + "] bukan base64.");
            }
            total += bytes.length;
            if (total > maxBatch.asLongValue()) {
                throw new DomainException(ErrorCode.PDF_TOO_LARGE, "Ukuran semua berkas maksimal " + mb(maxBatch) + " MB.");
            }
            documents.add(PdfDocument.of("dokumen-" + (i + 1) + ".pdf", bytes, maxPdf.asLongValue()));
        }
        JsonNode properties = body.path("signatureProperties");
        List<Appearance> appearances = new ArrayList<>();
        if (!properties.isArray() || properties.isEmpty()) {
            appearances.add(Appearance.invisible(null, null, null));
        } else {
            for (JsonNode p : properties) {
                appearances.add(appearanceV2(p));
            }
        }
        String nik = Forms.blankToNull(text(body, "nik"));
        String email = nik == null ? Forms.blankToNull(text(body, "email")) : null;
        List<SignDocumentUseCase.SignedDocument> signed = signing.sign(new SignDocumentUseCase.SignCommand(
                SignatureResource.systemSigner(null, nik, email), SignDocumentUseCase.Requester.of(client), documents,
                SignatureResource.chars(Forms.blankToNull(text(body, "passphrase"))), PadesLevel.parse(defaultLevel, PadesLevel.B_LT),
                appearances));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", System.currentTimeMillis() - started);
        out.put("file", signed.stream().map(d -> Base64.getEncoder().encodeToString(d.pdf())).toList());
        out.put("id_dokumen", signed.stream().map(SignDocumentUseCase.SignedDocument::documentId).toList());
        return Response.ok(out).header("id_dokumen", String.join(",", signed.stream().map(SignDocumentUseCase.SignedDocument::documentId).toList()))
                .build();
    }

    @POST
    @Path("/v2/verify/pdf")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2: verifikasi PDF base64 {file} -> {conclusion, description, signatureInformations[], signatureCount}")
    public Map<String, Object> verifyV2(JsonNode body) {
        callers.system();
        if (body == null || !body.isObject() || text(body, "file").isEmpty()) {
            throw new DomainException(ErrorCode.PDF_REQUIRED, "file (base64) wajib diisi.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text(body, "file").replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.PDF_INVALID, "file bukan base64.");
        }
        VerifyDocumentUseCase.VerificationReport report = verification.verify(PdfDocument.of("dokumen.pdf", bytes, maxPdf.asLongValue()));
        List<Map<String, Object>> infos = new ArrayList<>();
        for (int i = 0; i < report.signatures().size(); i++) {
            VerifyDocumentUseCase.SignatureReport s = report.signatures().get(i);
            VerifyDocumentUseCase.Details d = s.details();
            Map<String, Object> ts = new LinkedHashMap<>();
            ts.put("signerName", d.timestampSignerName());
            ts.put("timestampDate", s.timestampTimes().isEmpty() ? null : s.timestampTimes().get(0).toString());
            Map<String, Object> cert = new LinkedHashMap<>();
            cert.put("commonName", d.signerCommonName());
            cert.put("issuerName", d.issuerDn());
            cert.put("serialNumber", s.certificateSerialNumber());
            cert.put("notBeforeDate", iso(s.certificateValidFrom()));
            cert.put("notAfterDate", iso(s.certificateValidTo()));
            cert.put("signatureAlgoritm", d.signatureAlgorithm());
            cert.put("keyUsages", d.keyUsages());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("id", s.id());
            info.put("signatureFormat", s.padesLevel() == null ? null : s.padesLevel().replace('-', '_'));
            info.put("signerName", s.signerName());
            info.put("signatureDate", iso(s.signingTime()));
            info.put("fieldName", d.fieldName());
            info.put("reason", d.reason());
            info.put("location", d.location());
            info.put("certLevelCode", 0);
            info.put("signatureAlgorithm", d.signatureAlgorithm());
            info.put("digestAlgorithm", d.digestAlgorithm());
            info.put("timestampInfomation", ts);
            info.put("certificateDetails", List.of(cert));
            info.put("integrityValid", s.integrityValid());
            info.put("certificateTrusted", s.chainTrusted());
            info.put("lastSignature", i == report.signatures().size() - 1);
            infos.add(info);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conclusion", report.conclusion());
        out.put("description", report.summary());
        out.put("signatureInformations", infos);
        out.put("signatureCount", report.signatureCount());
        return out;
    }

    @POST
    @Path("/v2/user/check/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2: status pengguna menurut {nik} atau {email}")
    public Map<String, Object> statusV2(JsonNode body) {
        callers.system();
        String nik = body == null ? null : Forms.blankToNull(text(body, "nik"));
        String email = body == null || nik != null ? null : Forms.blankToNull(text(body, "email"));
        SignatureResource.systemSigner(null, nik, email);
        return status(statuses.status(nik, email));
    }

    @POST
    @Path("/v2/sign/get/totp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2: TOTP lewat email; belum didukung Teken (400)")
    public Response totp(JsonNode body) {
        callers.system();
        throw new DomainException(ErrorCode.TOTP_NOT_SUPPORTED, "TOTP belum didukung Teken; gunakan passphrase.");
    }

    private static Appearance appearanceV2(JsonNode p) {
        String tampilan = text(p, "tampilan");
        String image = text(p, "imageBase64");
        if (!Appearance.visibleFlag(tampilan)) {
            return Appearance.invisible(null, Forms.blankToNull(text(p, "reason")), Forms.blankToNull(text(p, "location")));
        }
        byte[] specimen = null;
        if (!image.isEmpty()) {
            try {
                specimen = Base64.getDecoder().decode(image.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new DomainException(ErrorCode.IMAGE_INVALID, "imageBase64 bukan base64.");
            }
        }
        return Appearance.visible(specimen == null ? Appearance.Mode.QR : Appearance.Mode.IMAGE, specimen, null,
                Appearance.parsePage(text(p, "page")), Appearance.parseNumber(text(p, "originX"), "originX"),
                Appearance.parseNumber(text(p, "originY"), "originY"), Appearance.Origin.TOP_LEFT,
                Appearance.parseNumber(text(p, "width"), "width"), Appearance.parseNumber(text(p, "height"), "height"),
                text(p, "tag_koordinat"), null, Forms.blankToNull(text(p, "reason")), Forms.blankToNull(text(p, "location")));
    }

    private static Map<String, Object> status(String status) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (status) {
            case "ISSUE" -> {
                out.put("status_code", 1111);
                out.put("status", status);
                out.put("message", "User sudah terdaftar dan memiliki sertifikat dengan status ISSUE");
            }
            case "NOT_REGISTERED" -> {
                out.put("status_code", 1110);
                out.put("status", status);
                out.put("message", "User belum terdaftar");
            }
            default -> {
                out.put("status_code", 1112);
                out.put("status", status);
                out.put("message", "User sudah terdaftar dengan status " + status);
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText("");
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    private static long mb(MemorySize size) {
        return size.asLongValue() / (1024 * 1024);
    }
}
