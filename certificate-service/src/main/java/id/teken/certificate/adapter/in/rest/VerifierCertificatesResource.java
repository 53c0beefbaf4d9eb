package id.teken.certificate.adapter.in.rest;

import id.teken.certificate.application.port.in.ManageCertificatesUseCase;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** The Verifikator TTE's certificate console: look up, suspend, unsuspend, revoke (each audited). */
@Path("/api/v1/verifier/certificates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("VERIFIKATOR")
@SecurityRequirement(name = "jwt")
@Tag(name = "Verifikator TTE")
public class VerifierCertificatesResource {

    @Inject
    ManageCertificatesUseCase certificates;

    @Inject
    JsonWebToken jwt;

    /** A certificate as a verifier sees it. */
    public record CertificateView(String serialNumber, String nip, String status, String subjectDn, Instant validFrom,
                                  Instant validTo, String revocationReason, Instant revokedAt, boolean locked) {
    }

    /** Optional note for suspend; RFC 5280 reason for revoke. */
    public record ActionRequest(String alasan) {
    }

    @GET
    @Operation(summary = "Sertifikat milik satu NIP (terlama lebih dulu)")
    public List<CertificateView> ofNip(@QueryParam("nip") String nip) {
        if (nip == null || !nip.matches("[0-9]{18}")) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Parameter nip (18 digit) wajib diisi.");
        }
        return certificates.certificatesOf(nip, jwt.getSubject()).stream().map(r -> view(r.credential(), r.locked())).toList();
    }

    @POST
    @Path("/{serial}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bekukan sertifikat (certificateHold): tidak dapat menandatangani; OCSP/CRL: revoked, certificateHold")
    public CertificateView suspend(@PathParam("serial") String serial, ActionRequest body) {
        return view(certificates.suspend(serial, jwt.getSubject(), body == null ? null : body.alasan()));
    }

    @POST
    @Path("/{serial}/unsuspend")
    @Operation(summary = "Cabut pembekuan: sertifikat aktif kembali")
    public CertificateView unsuspend(@PathParam("serial") String serial) {
        return view(certificates.unsuspend(serial, jwt.getSubject()));
    }

    @POST
    @Path("/{serial}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cabut sertifikat dengan alasan RFC 5280 (unspecified, keyCompromise, affiliationChanged, cessationOfOperation, privilegeWithdrawn)")
    public CertificateView revoke(@PathParam("serial") String serial, ActionRequest body) {
        if (body == null || body.alasan() == null) {
            throw new DomainException(ErrorCode.REASON_INVALID, "Alasan pencabutan (RFC 5280) wajib diisi.");
        }
        return view(certificates.revoke(serial, jwt.getSubject(), body.alasan()));
    }

    static CertificateView view(Credential c) {
        return view(c, false);
    }

    static CertificateView view(Credential c, boolean locked) {
        return new CertificateView(c.serialNumber(), c.nip(), SigningGate.statusName(c.status()), c.subjectDn(), c.notBefore(),
                c.notAfter(), c.revocationReason() == null ? null : c.revocationReason().rfcName(), c.revokedAt(), locked);
    }
}
