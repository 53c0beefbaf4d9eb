package id.teken.signing.adapter.in.rest;

import id.teken.signing.config.SigningConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.teken.signing.application.port.in.PreviewPageUseCase;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * POST /api/v1/signatures and /batch: a signed-in ASN (Bearer) or a system client (Basic, naming the signer by nip,
 * nik or email) signs PDFs with the signer's passphrase; invisible, or visible with a QR code or specimen image.
 */
@Path("/api/v1/signatures")
@SecurityRequirement(name = "jwt")
@SecurityRequirement(name = "basic")
@Tag(name = "Tanda Tangan", description = "Menandatangani PDF dengan sertifikat elektronik (PAdES)")
public class SignatureResource {

    @Inject
    SigningConfig config;

    @Inject
    SignDocumentUseCase signing;

    @Inject
    id.teken.signing.application.port.in.ExtendSignaturesUseCase extension;

    @Inject
    Callers callers;

    @Inject
    PreviewPageUseCase previews;

    @Inject
    ObjectMapper json;

    /** The appearance and signer fields both routes share, read from the multipart body. */
    public static class Options {
        public String passphrase;
        public String level;
        public String tampilan;
        public String image;
        public Forms.Upload specimen;
        public String page;
        public String originX;
        public String originY;
        public String width;
        public String height;
        public String marker;
        public String footer;
        public String reason;
        public String location;
        public String linkQR;
        public String nip;
        public String nik;
        public String email;

        static Options from(MultipartForm form) {
            Options o = new Options();
            o.passphrase = form.field("passphrase");
            o.level = form.field("level");
            o.tampilan = form.field("tampilan");
            o.image = form.field("image");
            o.specimen = form.part("imageTTD");
            o.page = form.field("page");
            o.originX = form.field("originX");
            o.originY = form.field("originY");
            o.width = form.field("width");
            o.height = form.field("height");
            o.marker = form.field("tag_koordinat");
            o.footer = form.field("footer");
            o.reason = form.field("reason");
            o.location = form.field("location");
            o.linkQR = form.field("linkQR");
            o.nip = form.field("nip");
            o.nik = form.field("nik");
            o.email = form.field("email");
            return o;
        }

        Appearance appearance() {
            return Forms.appearance(tampilan, image, specimen, page, originX, originY, Appearance.Origin.TOP_LEFT, width, height,
                    marker, footer, reason, location, linkQR);
        }
    }

    /** Room for the form fields and a specimen image (at most 1 MB) beside the PDFs in one body. */
    private static final long FIELDS_ALLOWANCE = 2L * 1024 * 1024;

    /** Our own multipart reading (MultipartForm): the PDFs' megabytes pass one boundary search, nothing goes to disk. */
    private MultipartForm form(InputStream body, String contentType, String contentLength, long maxFiles, String message) {
        return MultipartForm.read(body, contentType, contentLength, maxFiles + FIELDS_ALLOWANCE, ErrorCode.PDF_TOO_LARGE, message,
                ErrorCode.SIGNING_UNAVAILABLE);
    }

    private String pdfTooLarge() {
        return "Ukuran PDF maksimal " + (config.signing().maxPdfSize().asLongValue() / (1024 * 1024)) + " MB.";
    }

    private String batchTooLarge() {
        return "Ukuran semua berkas maksimal " + (config.signing().maxBatchSize().asLongValue() / (1024 * 1024)) + " MB.";
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "Tanda tangani satu PDF; hasil PDF dengan header X-Document-Id",
            description = "Multipart: file, passphrase, level (B-B, B-T, B-LT, B-LTA; bawaan B-LT), tampilan (invisible|visible), image "
                    + "(true = spesimen imageTTD, false = kode QR ke /verify/{id} atau linkQR), page (angka|first|last), originX/originY "
                    + "(poin dari kiri atas), width/height, tag_koordinat, footer, reason, location. Klien sistem (Basic) menyebut "
                    + "penanda tangan dengan nip, nik atau email.")
    public Response sign(InputStream body, @HeaderParam("Content-Type") String contentType,
                         @HeaderParam("Content-Length") String contentLength) {
        Callers.Caller caller = callers.asnOrSystem();
        try (MultipartForm form = form(body, contentType, contentLength, config.signing().maxPdfSize().asLongValue(), pdfTooLarge())) {
            return sign(caller, form);
        }
    }

    private Response sign(Callers.Caller caller, MultipartForm form) {
        Options options = Options.from(form);
        PdfDocument document = pdf(form.part("file"));
        SignDocumentUseCase.SignedDocument signed = signing.sign(new SignDocumentUseCase.SignCommand(signer(caller, options),
                caller.requester(), List.of(document), chars(options.passphrase), level(options.level), List.of(options.appearance()))).get(0);
        return Response.ok(signed.pdf(), "application/pdf")
                .header("X-Document-Id", signed.documentId())
                .header("id_dokumen", signed.documentId())
                .header("X-Signature-Level", signed.level().label())
                .header("Server-Timing", signed.timing())
                .header("Content-Disposition", "attachment; filename=\"" + Forms.safeName(document.name()) + "_signed.pdf\"")
                .build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({"application/zip", MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "Tanda tangani banyak PDF dengan satu kali passphrase; hasil ZIP (atau JSON base64 dengan Accept: application/json)",
            description = "Multipart: files (berulang, maksimal teken.signing.max-batch-files), lalu opsi yang sama dengan /api/v1/signatures. "
                    + "Semua berkas diperiksa dulu; bila satu gagal, tidak ada yang ditandatangani atau dicatat.")
    public Response batch(InputStream body, @HeaderParam("Content-Type") String contentType,
                          @HeaderParam("Content-Length") String contentLength, @HeaderParam("Accept") String accept) {
        long start = System.nanoTime();
        Callers.Caller caller = callers.asnOrSystem();
        try (MultipartForm form = form(body, contentType, contentLength, config.signing().maxBatchSize().asLongValue(), batchTooLarge())) {
            return batch(caller, form, accept, start);
        }
    }

    private Response batch(Callers.Caller caller, MultipartForm form, String accept, long start) {
        Options options = Options.from(form);
        List<MultipartForm.Part> uploads = form.parts("files");
        long total = uploads.stream().mapToLong(MultipartForm.Part::size).sum();
        if (total > config.signing().maxBatchSize().asLongValue()) {
            throw new DomainException(ErrorCode.PDF_TOO_LARGE, batchTooLarge());
        }
        List<PdfDocument> documents = new ArrayList<>();
        for (MultipartForm.Part f : uploads) {
            documents.add(pdf(f));
        }
        long read = System.nanoTime();
        List<SignDocumentUseCase.SignedDocument> signed = signing.sign(new SignDocumentUseCase.SignCommand(signer(caller, options),
                caller.requester(), documents, chars(options.passphrase), level(options.level), List.of(options.appearance())));
        long answer = System.nanoTime();
        String timing = "read;dur=" + (read - start) / 1_000_000 + ", " + signed.get(0).timing();
        List<Map<String, Object>> manifest = new ArrayList<>();
        for (SignDocumentUseCase.SignedDocument d : signed) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", Forms.safeName(d.name()) + "_signed.pdf");
            entry.put("documentId", d.documentId());
            entry.put("sha256", d.sha256());
            entry.put("level", d.level().label());
            manifest.add(entry);
        }
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON)) {
            for (int i = 0; i < signed.size(); i++) {
                manifest.get(i).put("pdfBase64", Base64.getEncoder().encodeToString(signed.get(i).pdf()));
            }
            return Response.ok(Map.of("documents", manifest), MediaType.APPLICATION_JSON).header("Server-Timing", timing).build();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < signed.size(); i++) {
                zip.putNextEntry(stored((i + 1) + "-" + manifest.get(i).get("name"), signed.get(i).pdf()));
                zip.write(signed.get(i).pdf());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(json.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            timing += ", answer;dur=" + (System.nanoTime() - answer) / 1_000_000;
            return Response.ok(out.toByteArray(), "application/zip").header("Server-Timing", timing)
                    .header("Content-Disposition", "attachment; filename=\"dokumen_signed.zip\"").build();
        } catch (IOException e) {
            throw new IllegalStateException("zip could not be written");
        }
    }

    @POST
    @Path("/extension")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "Perpanjang (arsip) PDF bertanda tangan: data validasi baru dan cap waktu dokumen (PAdES B-LTA)",
            description = "Multipart: file (PDF yang sudah ditandatangani). Tanda tangan yang ada tidak berubah; ulangi sebelum "
                    + "sertifikat cap waktu terakhir berakhir. ASN (Bearer) atau klien sistem (Basic).")
    public Response extend(@RestForm("file") FileUpload file) {
        Callers.Caller caller = callers.asnOrSystem();
        PdfDocument document = pdf(file);
        byte[] extended = extension.extend(document, caller.clientId());
        return Response.ok(extended, "application/pdf").header("X-Signature-Level", "PAdES-BASELINE-LTA")
                .header("Content-Disposition", "attachment; filename=\"" + Forms.safeName(document.name()) + "_lta.pdf\"").build();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({"image/png", "application/problem+json"})
    @Operation(summary = "Pratinjau satu halaman (PNG) untuk menaruh tanda tangan dengan klik; header X-Page-Count, X-Page-Width, X-Page-Height (poin)",
            description = "Multipart: file (PDF), page (bawaan 1), width (piksel, 100-1200, bawaan 800). Tidak ada yang disimpan.")
    public Response preview(@RestForm("file") FileUpload file, @RestForm("page") String page, @RestForm("width") String width) {
        callers.asnOrSystem();
        PdfDocument document = pdf(file);
        PreviewPageUseCase.PagePreview shown = previews.preview(document, number(page, 1, "page"), number(width, 800, "width"));
        return Response.ok(shown.png(), "image/png")
                .header("X-Page-Count", shown.pageCount())
                .header("X-Page-Width", String.valueOf(shown.widthPt()))
                .header("X-Page-Height", String.valueOf(shown.heightPt()))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static int number(String raw, int fallback, String field) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, field + " harus berupa angka.");
        }
    }

    /** PDFs are stored as they are: their streams are compressed already, and deflating them again costs more than it saves. */
    private static ZipEntry stored(String name, byte[] content) {
        ZipEntry entry = new ZipEntry(name);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private PdfDocument pdf(FileUpload file) {
        return pdf(Forms.of(file));
    }

    private PdfDocument pdf(Forms.Upload file) {
        byte[] bytes = Forms.read(file, config.signing().maxPdfSize().asLongValue(), ErrorCode.PDF_TOO_LARGE, pdfTooLarge());
        return PdfDocument.of(file == null ? null : file.fileName(), bytes, config.signing().maxPdfSize().asLongValue());
    }

    private PadesLevel level(String raw) {
        return PadesLevel.parse(raw, PadesLevel.parse(config.signing().defaultLevel(), PadesLevel.B_LT));
    }

    static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    /** An ASN signs as themselves (a nip/nik field is ignored); a system client must name exactly one signer. */
    static SignDocumentUseCase.SignerRef signer(Callers.Caller caller, Options options) {
        if (caller.nip() != null) {
            return SignDocumentUseCase.SignerRef.nip(caller.nip());
        }
        return systemSigner(options.nip, options.nik, options.email);
    }

    static SignDocumentUseCase.SignerRef systemSigner(String nip, String nik, String email) {
        String n = Forms.blankToNull(nip);
        String k = Forms.blankToNull(nik);
        String e = Forms.blankToNull(email);
        int given = (n == null ? 0 : 1) + (k == null ? 0 : 1) + (e == null ? 0 : 1);
        if (given != 1) {
            throw new DomainException(ErrorCode.SIGNER_REQUIRED, "Sebutkan penanda tangan dengan tepat satu dari nip, nik atau email.");
        }
        if (n != null && !n.matches("\\d{18}") || k != null && !k.matches("\\d{16}") || e != null && (e.length() > 254 || !e.contains("@"))) {
            throw new DomainException(ErrorCode.SIGNER_REQUIRED, "NIP 18 digit, NIK 16 digit, atau email yang valid.");
        }
        return new SignDocumentUseCase.SignerRef(n, k, e);
    }
}
