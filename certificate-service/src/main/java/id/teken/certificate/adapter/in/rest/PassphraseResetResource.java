package id.teken.certificate.adapter.in.rest;

import id.teken.certificate.application.port.in.RequestPassphraseResetUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Dashboard > Reset Passphrase and Perbarui Sertifikat (the gateway routes these two paths of /api/v1/me here). */
@Path("/api/v1/me/certificate")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ASN")
@SecurityRequirement(name = "jwt")
@Tag(name = "Passphrase")
public class PassphraseResetResource {

    @Inject
    RequestPassphraseResetUseCase reset;

    @Inject
    JsonWebToken jwt;

    @POST
    @jakarta.ws.rs.Path("/passphrase-reset")
    @Operation(summary = "Kirim tautan reset passphrase ke Email Dinas (pemilik sertifikat aktif)")
    public Response request() {
        reset.requestReset(jwt.getSubject());
        return Response.accepted(Map.of("message", "Tautan reset passphrase telah dikirim ke Email Dinas Anda.")).build();
    }

    @POST
    @jakarta.ws.rs.Path("/renewal")
    @Operation(summary = "Minta pembaruan sertifikat (mulai 30 hari sebelum berakhir, atau setelah kedaluwarsa); status RENEW")
    public Response renew() {
        reset.requestRenewal(jwt.getSubject());
        return Response.accepted(Map.of("message", "Tautan pembaruan sertifikat telah dikirim ke Email Dinas Anda.")).build();
    }
}
