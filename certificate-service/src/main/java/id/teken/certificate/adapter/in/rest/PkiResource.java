package id.teken.certificate.adapter.in.rest;

import id.teken.certificate.application.port.in.PublishPkiUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public PKI material: the CA chain (PEM), the issuing CA (DER, the caIssuers URL) and the CRL (DER). */
@Path("/pki")
@Tag(name = "PKI", description = "Rantai CA dan CRL untuk klien mana pun")
public class PkiResource {

    @Inject
    PublishPkiUseCase pki;

    @GET
    @Path("/ca")
    @Produces("application/x-pem-file")
    @Operation(summary = "Rantai CA (issuing CA lalu root), PEM")
    public String chain() {
        return pki.caChainPem();
    }

    @GET
    @Path("/ca/issuing.crt")
    @Produces("application/pkix-cert")
    @Operation(summary = "Sertifikat issuing CA (DER), alamat caIssuers pada sertifikat pelanggan")
    public byte[] issuing() {
        return pki.issuingCaDer();
    }

    @GET
    @Path("/crl")
    @Produces("application/pkix-crl")
    @Operation(summary = "CRL terbaru (DER), ditandatangani issuing CA")
    public Response crl() {
        return Response.ok(pki.currentCrl()).header("Cache-Control", "max-age=300").build();
    }
}
