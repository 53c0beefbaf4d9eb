package id.teken.activation.adapter.in.rest;

import id.teken.activation.application.port.in.ReviewActivationsUseCase;
import id.teken.activation.domain.Activation;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The Verifikator TTE's console for activations (role VERIFIKATOR; every action audited). */
@Path("/api/v1/verifier")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("VERIFIKATOR")
@SecurityRequirement(name = "jwt")
@Tag(name = "Verifikator TTE", description = "Antrean verifikasi aktivasi, keputusan, tautan, jejak audit")
public class VerifierResource {

    @Inject
    ReviewActivationsUseCase review;

    @Inject
    JsonWebToken jwt;

    /** One activation as a verifier sees it (no token, no selfie bytes); kontrakBerakhir only for contract staff. */
    public record ActivationView(String id, String registrationId, String status, String nip, String namaTerdaftar,
                                 String emailDinas, Identitas identitas, Kedinasan kedinasan, String hasilVerifikasiWajah,
                                 Double skorWajah, boolean swafotoTersedia, List<String> alasanVerifikasi,
                                 Instant dikirimPada, Instant berlakuSampai, String diputuskanOleh, Instant diputuskanPada,
                                 String alasanKeputusan, Instant kontrakBerakhir) {
    }

    /** Identity as typed. */
    public record Identitas(String namaLengkap, String nik, String nomorTelepon) {
    }

    /** Employment as recorded. */
    public record Kedinasan(String kategori, String nipNrp, String unitOrganisasi, String jabatan, String provinsi,
                            boolean terverifikasiSiasn) {
    }

    /** Body of reject. */
    public record RejectRequest(String alasan) {
    }

    @GET
    @Path("/activations")
    @Operation(summary = "Antrean aktivasi (bawaan: WAITING_FOR_VERIFICATION, terlama lebih dulu); status dan nip untuk menyaring")
    public List<ActivationView> queue(@QueryParam("status") @DefaultValue("WAITING_FOR_VERIFICATION") String status,
                                      @QueryParam("nip") String nip) {
        id.teken.activation.domain.ActivationStatus wanted;
        try {
            wanted = id.teken.activation.domain.ActivationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Status tidak dikenal: gunakan salah satu dari "
                    + java.util.Arrays.toString(id.teken.activation.domain.ActivationStatus.values()) + ".");
        }
        return review.queue(wanted, nip == null || nip.isBlank() ? null : nip.trim(), verifier()).stream().map(VerifierResource::view)
                .toList();
    }

    @GET
    @Path("/activations/{id}")
    @Operation(summary = "Rincian satu aktivasi")
    public ActivationView details(@PathParam("id") String id) {
        return view(review.details(uuid(id), verifier()));
    }

    @GET
    @Path("/activations/{id}/selfie")
    @Produces({"image/jpeg", "image/png", "application/problem+json"})
    @Operation(summary = "Swafoto (hanya untuk Verifikator; setiap akses tercatat)")
    public Response selfie(@PathParam("id") String id) {
        ReviewActivationsUseCase.Selfie selfie = review.selfie(uuid(id), verifier());
        return Response.ok(selfie.bytes(), selfie.contentType()).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/activations/{id}/approve")
    @Operation(summary = "Setujui aktivasi: activation.completed")
    public ActivationView approve(@PathParam("id") String id) {
        return view(review.approve(uuid(id), verifier()));
    }

    @POST
    @Path("/activations/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tolak aktivasi dengan alasan: activation.rejected, dan email ke pendaftar")
    public ActivationView reject(@PathParam("id") String id, RejectRequest body) {
        if (body == null) {
            throw new DomainException(ErrorCode.REASON_REQUIRED, "Alasan penolakan wajib diisi.");
        }
        return view(review.reject(uuid(id), verifier(), body.alasan()));
    }

    @POST
    @Path("/activations/{id}/resend-link")
    @Operation(summary = "Kirim ulang tautan aktivasi (tautan lama tidak berlaku lagi)")
    public ActivationView resend(@PathParam("id") String id) {
        return view(review.resendLink(uuid(id), verifier()));
    }

    @POST
    @Path("/activations/{id}/invalidate-link")
    @Operation(summary = "Batalkan tautan aktivasi: activation.expired; pendaftar harus registrasi ulang")
    public ActivationView invalidate(@PathParam("id") String id) {
        return view(review.invalidateLink(uuid(id), verifier()));
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Jejak audit tindakan verifikator (terbaru lebih dulu)")
    public List<ReviewActivationsUseCase.AuditEntry> audit(@QueryParam("limit") @DefaultValue("100") int limit) {
        return review.audit(limit);
    }

    private String verifier() {
        return jwt.getSubject();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.ACTIVATION_NOT_FOUND, "Aktivasi tidak ditemukan.");
        }
    }

    static ActivationView view(Activation a) {
        return new ActivationView(a.id().toString(), a.registrant().registrationId(), a.status().name(), a.registrant().nip(),
                a.registrant().nama(), a.registrant().emailDinas(),
                a.identity().map(i -> new Identitas(i.namaLengkap(), i.nik(), i.nomorTelepon())).orElse(null),
                a.employment().map(e -> new Kedinasan(e.kategori().name(), e.nipNrp(), e.unitOrganisasi(), e.jabatan(),
                        e.provinsi(), e.verifiedBySiasn())).orElse(null),
                a.faceResult().map(f -> f.outcome().name()).orElse(null), a.faceResult().map(f -> f.score()).orElse(null),
                a.selfieStored(), a.reviewReasonNames(), a.submittedAt(), a.expiresAt(), a.decidedBy(), a.decidedAt(),
                a.decisionReason(), a.contractEndsAt());
    }
}
