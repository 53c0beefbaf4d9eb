package id.teken.certificate.adapter.in.rest;

import id.teken.certificate.application.port.in.SealUseCase;
import id.teken.certificate.application.port.in.SignHashUseCase;
import id.teken.certificate.config.CertificateConfig;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.internal.SealApi;
import id.teken.internal.SigningApi.AuthorizeResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The internal seal API for signing-service (service token; never routed by the gateway): activation, TOTP, redemption. */
@Path("/internal/v1/seals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Hanya untuk signing-service di jaringan internal")
public class InternalSealResource {

    @Inject
    SealUseCase seals;

    @Inject
    CertificateConfig config;

    @GET
    @Path("/{id}")
    @Operation(summary = "Sertifikat segel saat ini (status, unit, rantai) untuk menyusun tanda tangan")
    public SealApi.SealCertificateResponse certificate(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        InternalSigningResource.authenticate(authorization, config);
        SealUseCase.SealCertificate c = seals.certificate(id);
        return new SealApi.SealCertificateResponse(c.sealId(), c.unitName(), c.serialNumber(), c.status(), c.certificateChainPem());
    }

    @POST
    @Path("/activation")
    @Operation(summary = "TOTP aktivasi segel: dikirim ke email unit (tanpa code) atau diperpanjang (dengan code)")
    public SealApi.ActivationResponse activate(@HeaderParam("Authorization") String authorization, SealApi.ActivationRequest body) {
        InternalSigningResource.authenticate(authorization, config);
        require(body != null && body.idSubscriber() != null && body.channel() != null, "idSubscriber and channel required");
        SealUseCase.Activation a = seals.activate(body.idSubscriber(), body.channel(), body.clientName(), body.code());
        return new SealApi.ActivationResponse(a.code(), a.expiresAt().toString(), a.mailed());
    }

    @POST
    @Path("/activation/revoke")
    @Operation(summary = "Akhiri aktivasi segel aplikasi ini (dengan TOTP aktivasinya)")
    public Response revokeActivation(@HeaderParam("Authorization") String authorization, SealApi.ActivationRequest body) {
        InternalSigningResource.authenticate(authorization, config);
        require(body != null && body.idSubscriber() != null && body.channel() != null, "idSubscriber, channel and code required");
        seals.revokeActivation(body.idSubscriber(), body.channel(), body.code());
        return Response.noContent().build();
    }

    @POST
    @Path("/totp")
    @Operation(summary = "TOTP segel untuk sejumlah dokumen, dengan TOTP aktivasi")
    public SealApi.TotpResponse totp(@HeaderParam("Authorization") String authorization, SealApi.TotpRequest body) {
        InternalSigningResource.authenticate(authorization, config);
        require(body != null && body.idSubscriber() != null && body.channel() != null && body.documents() != null,
                "idSubscriber, channel, activationCode and documents required");
        SealUseCase.SealTotp t = seals.issueTotp(body.idSubscriber(), body.channel(), body.activationCode(), body.documents());
        return new SealApi.TotpResponse(t.code(), t.expiresAt().toString(), t.documents());
    }

    @POST
    @Path("/redeem")
    @Operation(summary = "SAD segel untuk sejumlah tanda tangan, dengan TOTP segel")
    public AuthorizeResponse redeem(@HeaderParam("Authorization") String authorization, SealApi.RedeemRequest body) {
        InternalSigningResource.authenticate(authorization, config);
        require(body != null && body.idSubscriber() != null && body.channel() != null && body.signatures() != null,
                "idSubscriber, channel, totp and signatures required");
        if (body.signatures() < 1 || body.signatures() > 100) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "signatures 1-100.");
        }
        SignHashUseCase.Authorization sad = seals.redeem(body.idSubscriber(), body.channel(), body.totp(), body.signatures());
        return new AuthorizeResponse(sad.sad(), sad.expiresAt().toString(), sad.serialNumber());
    }

    private static void require(boolean present, String what) {
        if (!present) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, what);
        }
    }
}
