package id.teken.registration.adapter.in.rest;

import id.teken.internal.SignerApi.SignerResponse;

import id.teken.registration.config.RegistrationConfig;
import id.teken.kit.ServiceToken;
import id.teken.registration.application.port.in.LookUpSignerUseCase;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Internal: signing-service asks who a signer is (by NIP, NIK or email) and their status. Service token
 * TEKEN_INTERNAL_TOKEN, compared in constant time; never routed by the gateway.
 */
@Path("/internal/v1/signers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Hanya untuk signing-service di jaringan internal")
public class InternalSignerResource {

    @Inject
    RegistrationConfig config;

    @Inject
    LookUpSignerUseCase signers;

    @GET
    @Operation(summary = "Penanda tangan menurut nip, nik atau email: identitas, jabatan dan status sertifikat")
    public SignerResponse find(@HeaderParam("Authorization") String authorization, @QueryParam("nip") String nip,
                                           @QueryParam("nik") String nik, @QueryParam("email") String email) {
        switch (ServiceToken.check(authorization, config.internal().token())) {
            case NOT_CONFIGURED -> throw new DomainException(ErrorCode.SERVICE_UNAUTHENTICATED, "internal lookups are not configured (TEKEN_INTERNAL_TOKEN)");
            case REFUSED -> throw new DomainException(ErrorCode.SERVICE_UNAUTHENTICATED, "unknown service");
            case ACCEPTED -> { }
        }
        LookUpSignerUseCase.Signer s = signers.find(nip, nik, email).orElseThrow(() ->
                new DomainException(ErrorCode.SIGNER_NOT_FOUND, "User tidak terdaftar"));
        return new SignerResponse(s.nip(), s.nik(), s.nama(), s.jabatan(), s.unitOrganisasi(), s.emailDinas(), s.status().name());
    }
}
