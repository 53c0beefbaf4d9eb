package id.teken.activation.adapter.in.rest;

import id.teken.activation.application.port.in.UseActivationLinkUseCase;
import id.teken.activation.application.port.in.UseActivationLinkUseCase.EmploymentCommand;
import id.teken.activation.domain.ActivationStatus;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.Employment;
import id.teken.activation.domain.ErrorCode;
import id.teken.activation.domain.Identity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** The activation portal for the holder of the mailed link (no login: the link is the credential). */
@Path("/api/v1/activations/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aktivasi", description = "Portal aktivasi sertifikat elektronik melalui tautan dari email")
public class ActivationLinkResource {

    @Inject
    UseActivationLinkUseCase portal;

    /** What the portal shows. */
    public record LinkResponse(String activationId, String langkahBerikutnya, String status, String instansi, String nama,
                               String emailDinas, Instant berlakuSampai, String versiKebijakanPrivasi,
                               String versiPerjanjianPemilik) {
    }

    /** Step 1. */
    public record IdentityRequest(String namaLengkap, String nik, String nomorTelepon) {
    }

    /** Step 2. */
    public record EmploymentRequest(String kategori, String nipNrp, String unitOrganisasi, String jabatan) {
    }

    /** Step 2's answer: what SIASN holds. */
    public record EmploymentResponse(String kategori, String nipNrp, String instansi, String unitOrganisasi, String jabatan,
                                     String provinsi, boolean terverifikasiSiasn, String langkahBerikutnya) {
    }

    /** Step 4. */
    public record SubmitRequest(Boolean setujuKebijakanPrivasi, Boolean setujuPerjanjianPemilik) {
    }

    /** The outcome. */
    public record SubmitResponse(String status, String message) {
    }

    /** A step was recorded. */
    public record StepResponse(String langkahBerikutnya, String message) {
    }

    @GET
    @Operation(summary = "Langkah berikutnya, instansi dan masa berlaku tautan")
    public LinkResponse view(@PathParam("token") String token, @Context HttpServerRequest http) {
        UseActivationLinkUseCase.LinkView v = portal.view(token, address(http));
        return new LinkResponse(v.activationId(), v.nextStep().name(), v.status().name(), v.instansi(), v.nama(),
                v.emailDinas(), v.expiresAt(), v.privacyPolicyVersion(), v.subscriberAgreementVersion());
    }

    @PUT
    @Path("/identity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Data identitas: nama lengkap, NIK (harus sama dengan registrasi), nomor telepon seluler")
    public StepResponse identity(@PathParam("token") String token, IdentityRequest body, @Context HttpServerRequest http) {
        require(body);
        portal.recordIdentity(token, Identity.of(body.namaLengkap(), body.nik(), body.nomorTelepon()), address(http));
        return new StepResponse("EMPLOYMENT", "Data identitas tersimpan.");
    }

    @PUT
    @Path("/employment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Data kedinasan: ASN_POLRI diperiksa ke SIASN (404 'NIP/NRP tidak ditemukan'); LAINNYA perlu Verifikator")
    public EmploymentResponse employment(@PathParam("token") String token, EmploymentRequest body, @Context HttpServerRequest http) {
        require(body);
        Employment e = portal.recordEmployment(token, EmploymentCommand.of(body.kategori(), body.nipNrp(),
                body.unitOrganisasi(), body.jabatan()), address(http));
        UseActivationLinkUseCase.LinkView v = portal.view(token, address(http));
        return new EmploymentResponse(e.kategori().name(), e.nipNrp(), v.instansi(), e.unitOrganisasi(), e.jabatan(),
                e.provinsi(), e.verifiedBySiasn(), "SELFIE");
    }

    @PUT
    @Path("/selfie")
    @Consumes({"image/jpeg", "image/png"})
    @Operation(summary = "Swafoto (JPEG atau PNG, maksimal 5 MB): ukuran, resolusi, pencahayaan dan ketajaman diperiksa")
    public StepResponse selfie(@PathParam("token") String token, byte[] image, @Context HttpHeaders headers,
                               @Context HttpServerRequest http) {
        portal.recordSelfie(token, headers.getHeaderString(HttpHeaders.CONTENT_TYPE), image, address(http));
        return new StepResponse("SUBMIT", "Swafoto diterima.");
    }

    @POST
    @Path("/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Kirim aktivasi dengan kedua persetujuan: ACTIVATED atau WAITING_FOR_VERIFICATION")
    public SubmitResponse submit(@PathParam("token") String token, SubmitRequest body, @Context HttpServerRequest http) {
        require(body);
        ActivationStatus status = portal.submit(token, Boolean.TRUE.equals(body.setujuKebijakanPrivasi()),
                Boolean.TRUE.equals(body.setujuPerjanjianPemilik()), address(http));
        return new SubmitResponse(status.name(), status == ActivationStatus.ACTIVATED
                ? "Aktivasi Berhasil. Tautan untuk mengatur passphrase akan dikirim ke Email Dinas Anda."
                : "Aktivasi terkirim dan menunggu verifikasi oleh Verifikator TTE.");
    }

    private static void require(Object body) {
        if (body == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "Badan permintaan (JSON) wajib diisi.");
        }
    }

    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
