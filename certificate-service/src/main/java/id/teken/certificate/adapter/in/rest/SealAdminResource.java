package id.teken.certificate.adapter.in.rest;

import id.teken.certificate.application.port.in.SealUseCase;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.certificate.domain.SigningGate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * The ADMIN's seals (segel elektronik): create one for an organisation unit (its certificate is issued at once), list them,
 * revoke one. System clients then use a seal through BSrE's v2 seal routes, within their scope's units.
 */
@Path("/api/v1/admin/seals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
@SecurityRequirement(name = "jwt")
@Tag(name = "Admin")
public class SealAdminResource {

    @Inject
    SealUseCase seals;

    @Inject
    JsonWebToken jwt;

    /** The unit's name (as system clients' scopes name it) and its official address. */
    public record CreateSealRequest(String unitName, String email) {
    }

    /** RFC 5280 reason: unspecified, keyCompromise, affiliationChanged, cessationOfOperation. */
    public record RevokeSealRequest(String alasan) {
    }

    /** A seal as the ADMIN sees it; {@code idSubscriber} is what clients send. */
    public record SealView(String idSubscriber, String unitName, String email, String status, String serialNumber, String subjectDn,
                           Instant validFrom, Instant validTo, String revocationReason, String createdBy, Instant createdAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Buat segel elektronik untuk unit organisasi (sertifikat langsung terbit)")
    public Response create(CreateSealRequest body) {
        if (body == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "unitName dan email wajib diisi.");
        }
        SealUseCase.SealView created = seals.create(new SealUseCase.CreateCommand(body.unitName(), body.email(), jwt.getSubject()));
        return Response.status(201).entity(view(created)).build();
    }

    @GET
    @Operation(summary = "Daftar segel elektronik")
    public List<SealView> list() {
        return seals.list().stream().map(SealAdminResource::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Satu segel elektronik")
    public SealView one(@PathParam("id") String id) {
        return view(seals.find(id));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cabut sertifikat segel (CRL dan OCSP seketika); aktivasi aplikasi ditutup")
    public SealView revoke(@PathParam("id") String id, RevokeSealRequest body) {
        if (body == null || body.alasan() == null) {
            throw new DomainException(ErrorCode.REASON_INVALID, "Alasan pencabutan (RFC 5280) wajib diisi.");
        }
        return view(seals.revoke(id, body.alasan(), jwt.getSubject()));
    }

    private static SealView view(SealUseCase.SealView v) {
        Credential c = v.credential();
        return new SealView(v.seal().id(), v.seal().unitName(), v.seal().email(), c == null ? null : SigningGate.statusName(c.status()),
                c == null ? null : c.serialNumber(), c == null ? null : c.subjectDn(), c == null ? null : c.notBefore(),
                c == null ? null : c.notAfter(), c == null || c.revocationReason() == null ? null : c.revocationReason().rfcName(),
                v.seal().createdBy(), v.seal().createdAt());
    }
}
