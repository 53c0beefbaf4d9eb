package id.teken.certificate.adapter.in.rest;

import id.teken.certificate.application.port.in.SigningApprovalUseCase;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** The approval page's API (BSrE's sign TOTP), for the holder of the mailed link: what is asked, and the approval. */
@Path("/api/v1/signing-approvals/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Passphrase", description = "Persetujuan tanda tangan melalui aplikasi klien (TOTP), dengan passphrase")
public class SigningApprovalResource {

    @Inject
    SigningApprovalUseCase approvals;

    /** What the page shows. */
    public record ApprovalResponse(String nama, String aplikasi, int jumlahDokumen, Instant berlakuSampai, String status, String message) {
    }

    /** Body of POST. */
    public record ApproveRequest(String passphrase) {
    }

    @GET
    @Operation(summary = "Permintaan: aplikasi, jumlah dokumen, masa berlaku, status (MENUNGGU atau DISETUJUI)")
    public ApprovalResponse view(@PathParam("token") String token) {
        return answer(approvals.view(token), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Setujui dengan passphrase: kunci terbuka untuk sejumlah tanda tangan melalui aplikasi itu saja, beberapa menit")
    public ApprovalResponse approve(@PathParam("token") String token, ApproveRequest body) {
        if (body == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "Badan permintaan (JSON) wajib diisi.");
        }
        if (body.passphrase() != null && body.passphrase().length() > 256) {
            throw new DomainException(ErrorCode.PASSPHRASE_WRONG, "Passphrase salah.");
        }
        SigningApprovalUseCase.View v = approvals.approve(token, body.passphrase() == null ? null : body.passphrase().toCharArray());
        return answer(v, "Disetujui. Berikan kode TOTP dari email kepada aplikasi " + v.aplikasi() + " untuk menandatangani "
                + v.jumlahDokumen() + " dokumen.");
    }

    private static ApprovalResponse answer(SigningApprovalUseCase.View v, String message) {
        return new ApprovalResponse(v.nama(), v.aplikasi(), v.jumlahDokumen(), v.berlakuSampai(), v.status(), message);
    }
}
