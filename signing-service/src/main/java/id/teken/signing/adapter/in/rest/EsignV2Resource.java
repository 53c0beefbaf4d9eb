package id.teken.signing.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.application.port.in.VerifyDocumentUseCase;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;
import id.teken.signing.domain.SystemClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BSrE Esign Client compatible routes, version 2 (JSON with base64 files: sign several with one passphrase, verify,
 * user status), for Pemkab systems that switch by changing the base URL and credential. System clients only (HTTP
 * Basic). Errors keep BSrE's body: {"error", "status_code"} ({@link EsignCompat}).
 */
@Path("/api")
@SecurityRequirement(name = "basic")
@Tag(name = "BSrE Esign Client", description = "Rute kompatibel BSrE Esign Client (v1 dan v2)")
public class EsignV2Resource extends EsignRoutes {

    @jakarta.inject.Inject
    id.teken.signing.application.port.in.SealDocumentUseCase seals;

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
        // With a TOTP: the code of a signing approval the signer gave this client (get/totp) instead of the passphrase, or,
        // for a client whose TOTP is a second factor, the mailed code together with the passphrase.
        String totp = Forms.blankToNull(text(body, "totp"));
        JsonNode files = body.path("file");
        if (!files.isArray() || files.isEmpty()) {
            throw new DomainException(ErrorCode.PDF_REQUIRED, "file (array base64) wajib diisi.");
        }
        List<String> encoded = new ArrayList<>();
        files.forEach(f -> encoded.add(f.asText("")));
        List<PdfDocument> documents = Base64Pdfs.decode(encoded, "file", config.signing());
        List<Appearance> appearances = appearancesV2(body.path("signatureProperties"));
        String nik = Forms.blankToNull(text(body, "nik"));
        String email = nik == null ? Forms.blankToNull(text(body, "email")) : null;
        List<SignDocumentUseCase.SignedDocument> signed = signing.sign(new SignDocumentUseCase.SignCommand(
                SignatureResource.systemSigner(null, nik, email), SignDocumentUseCase.Requester.of(client), documents,
                SignatureResource.chars(Forms.blankToNull(text(body, "passphrase"))), PadesLevel.parse(config.signing().defaultLevel(), PadesLevel.B_LT),
                appearances, null, totp));
        return signedFiles(started, signed);
    }

    @POST
    @Path("/v2/verify/pdf")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2: verifikasi PDF base64 {file} -> {conclusion, description, signatureInformations[], signatureCount}")
    public Map<String, Object> verifyV2(JsonNode body) {
        callers.system();
        // {file: "<base64>"} as the guide says, or {file: ["<base64>"]} as some integrations send it (one file per call).
        JsonNode file = body == null || !body.isObject() ? null : body.path("file");
        if (file != null && file.isArray()) {
            if (file.size() > 1) {
                throw new DomainException(ErrorCode.TOO_MANY_FILES, "Satu berkas per verifikasi.");
            }
            file = file.size() == 1 ? file.get(0) : null;
        }
        String encoded = file == null || file.isMissingNode() || file.isNull() || !file.isTextual() ? "" : file.asText("");
        if (encoded.isEmpty()) {
            throw new DomainException(ErrorCode.PDF_REQUIRED, "file (base64) wajib diisi.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.PDF_INVALID, "file bukan base64.");
        }
        VerifyDocumentUseCase.VerificationReport report = verification.verify(PdfDocument.of("dokumen.pdf", bytes, config.signing().maxPdfSize().asLongValue()));
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

    /** What some integrations call: the same as /v2/user/check/status. */
    @POST
    @Path("/v2/user/check-status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2 (seperti yang dikirim integrasi): status pengguna menurut {nik} atau {email}, seperti /v2/user/check/status")
    public Map<String, Object> checkStatusV2(JsonNode body) {
        return statusV2(body);
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
        return EsignCompat.status(statuses.status(nik, email));
    }

    @POST
    @Path("/v2/sign/get/totp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2: minta TOTP {nik|email, data: jumlah dokumen}: penanda tangan menerima kode dan tautan persetujuan di Email Dinas")
    public Response totp(JsonNode body) {
        SystemClient client = callers.system();
        if (body == null || !body.isObject()) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "Badan permintaan JSON wajib diisi.");
        }
        String nik = Forms.blankToNull(text(body, "nik"));
        String email = nik == null ? Forms.blankToNull(text(body, "email")) : null;
        int documents = documents(body);
        java.time.Instant expires = approvals.requestApproval(SignatureResource.systemSigner(null, nik, email),
                SignDocumentUseCase.Requester.of(client), documents);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", client.totpWithPassphrase()
                ? "TOTP berhasil dikirim ke email penanda tangan; kirim kode bersama passphrase-nya"
                : "TOTP berhasil dikirim ke email penanda tangan; kode berlaku setelah ia menyetujui permintaan dengan passphrase");
        out.put("expires", expires.toString());
        out.put("result", true);
        return Response.ok(bsre(true, (String) out.get("message"), out)).build();
    }

    @POST
    @Path("/v2/seal/get/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2 segel: {idSubscriber} kirim TOTP aktivasi ke email unit; {idSubscriber, totp} perpanjang TOTP aktivasi")
    public Map<String, Object> sealActivation(JsonNode body) {
        SystemClient client = callers.system();
        JsonNode b = object(body);
        String totp = Forms.blankToNull(text(b, "totp"));
        id.teken.signing.application.port.in.SealDocumentUseCase.Activation a = seals.activate(text(b, "idSubscriber"),
                SignDocumentUseCase.Requester.of(client), totp);
        if (a.mailed()) {
            return bsre(true, "TOTP Aktivasi berhasil dikirim", null);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", "TOTP Aktivasi masih berlaku");
        data.put("totp", a.code());
        data.put("expires", a.expiresAt() == null ? null : a.expiresAt().toString());
        data.put("result", true);
        return bsre(true, null, data);
    }

    @POST
    @Path("/v2/seal/revoke/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2 segel: {idSubscriber, totp} cabut aktivasi segel aplikasi ini")
    public Map<String, Object> sealRevokeActivation(JsonNode body) {
        SystemClient client = callers.system();
        JsonNode b = object(body);
        seals.revokeActivation(text(b, "idSubscriber"), SignDocumentUseCase.Requester.of(client), text(b, "totp"));
        return bsre(true, "TOTP Aktivasi berhasil dicabut", null);
    }

    @POST
    @Path("/v2/seal/get/totp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2 segel: {idSubscriber, data: jumlah dokumen, totp: TOTP aktivasi} -> TOTP segel untuk sejumlah dokumen")
    public Map<String, Object> sealTotp(JsonNode body) {
        SystemClient client = callers.system();
        JsonNode b = object(body);
        int documents = documents(b);
        id.teken.signing.application.port.in.SealDocumentUseCase.Totp t = seals.totp(text(b, "idSubscriber"),
                SignDocumentUseCase.Requester.of(client), text(b, "totp"), documents);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", "TOTP berhasil dibuat");
        data.put("totp", t.code());
        data.put("expires", t.expiresAt() == null ? null : t.expiresAt().toString());
        data.put("result", true);
        // Both shapes integrations read: the guide's flat answer and data.result.
        Map<String, Object> out = bsre(true, "TOTP berhasil dibuat", data);
        out.put("totp", t.code());
        out.put("expires", data.get("expires"));
        out.put("result", true);
        return out;
    }

    @POST
    @Path("/v2/seal/pdf")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "v2 segel: segel PDF base64 {idSubscriber, totp, signatureProperties[], file[]} -> {time, file[], id_dokumen[]}")
    public Response sealPdf(JsonNode body) {
        SystemClient client = callers.system();
        long started = System.currentTimeMillis();
        JsonNode b = object(body);
        JsonNode files = b.path("file");
        if (!files.isArray() || files.isEmpty()) {
            throw new DomainException(ErrorCode.PDF_REQUIRED, "file (array base64) wajib diisi.");
        }
        List<String> encoded = new ArrayList<>();
        files.forEach(f -> encoded.add(f.asText("")));
        List<PdfDocument> documents = Base64Pdfs.decode(encoded, "file", config.signing());
        List<Appearance> appearances = appearancesV2(b.path("signatureProperties"));
        List<SignDocumentUseCase.SignedDocument> sealed = seals.seal(new id.teken.signing.application.port.in.SealDocumentUseCase.SealCommand(
                text(b, "idSubscriber"), SignDocumentUseCase.Requester.of(client), documents,
                PadesLevel.parse(config.signing().defaultLevel(), PadesLevel.B_LT), appearances, text(b, "totp")));
        return signedFiles(started, sealed);
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "Badan permintaan JSON wajib diisi.");
        }
        return body;
    }

    /** The number of documents a TOTP is asked for ({@code data}, 1 when absent). */
    private static int documents(JsonNode body) {
        try {
            return text(body, "data").isEmpty() ? 1 : Integer.parseInt(text(body, "data").trim());
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "data harus jumlah dokumen (angka).");
        }
    }

    /** BSrE's v2 envelope: {success, message, data}. */
    private static Map<String, Object> bsre(boolean success, String message, Object data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", success);
        out.put("message", message);
        out.put("data", data);
        return out;
    }

    private static List<Appearance> appearancesV2(JsonNode properties) {
        List<Appearance> appearances = new ArrayList<>();
        if (!properties.isArray() || properties.isEmpty()) {
            appearances.add(Appearance.invisible(null, null, null));
        } else {
            for (JsonNode p : properties) {
                appearances.add(appearanceV2(p));
            }
        }
        return appearances;
    }

    /** v2's answer with the signed (or sealed) files: {time, file[], id_dokumen[]}, the ids also in a header. */
    private static Response signedFiles(long started, List<SignDocumentUseCase.SignedDocument> signed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", System.currentTimeMillis() - started);
        out.put("file", signed.stream().map(d -> Base64.getEncoder().encodeToString(d.pdf())).toList());
        out.put("id_dokumen", signed.stream().map(SignDocumentUseCase.SignedDocument::documentId).toList());
        return Response.ok(out).header("id_dokumen", String.join(",", signed.stream().map(SignDocumentUseCase.SignedDocument::documentId).toList()))
                .build();
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

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText("");
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
