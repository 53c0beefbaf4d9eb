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

    @Inject
    id.teken.certificate.application.port.in.AnswerRevocationQueriesUseCase protocols;

    private static final int MAX_REQUEST = 16 * 1024;

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

    @jakarta.ws.rs.POST
    @Path("/ocsp")
    @jakarta.ws.rs.Consumes("application/ocsp-request")
    @Produces("application/ocsp-response")
    @Operation(summary = "OCSP (RFC 6960), POST: status good, revoked or unknown, signed by the OCSP responder")
    public Response ocspPost(byte[] request) {
        if (request == null || request.length == 0 || request.length > MAX_REQUEST) {
            return Response.ok(protocols.ocsp(new byte[0]), "application/ocsp-response").build();
        }
        return Response.ok(protocols.ocsp(request), "application/ocsp-response").build();
    }

    @GET
    @Path("/ocsp/{request: .+}")
    @Produces("application/ocsp-response")
    @Operation(summary = "OCSP (RFC 6960), GET with the base64 request in the path")
    public Response ocspGet(@jakarta.ws.rs.PathParam("request") String encoded) {
        byte[] request;
        try {
            request = java.util.Base64.getDecoder().decode(encoded.replace(' ', '+'));
        } catch (IllegalArgumentException e) {
            request = new byte[0];
        }
        return Response.ok(protocols.ocsp(request.length > MAX_REQUEST ? new byte[0] : request), "application/ocsp-response")
                .header("Cache-Control", "max-age=60").build();
    }

    @jakarta.ws.rs.POST
    @Path("/tsa")
    @jakarta.ws.rs.Consumes("application/timestamp-query")
    @Produces("application/timestamp-reply")
    @Operation(summary = "Time stamps (RFC 3161) signed by the TSA certificate (critical timeStamping EKU)")
    public Response timestamp(byte[] query) {
        byte[] q = query == null || query.length > MAX_REQUEST ? new byte[0] : query;
        return Response.ok(protocols.timestamp(q), "application/timestamp-reply").build();
    }

    @GET
    @Path("/crl")
    @Produces("application/pkix-crl")
    @Operation(summary = "CRL terbaru (DER), ditandatangani issuing CA")
    public Response crl() {
        return Response.ok(pki.currentCrl()).header("Cache-Control", "max-age=300").build();
    }

    @GET
    @Path("/crl/root")
    @Produces("application/pkix-crl")
    @Operation(summary = "CRL root CA (DER): status issuing CA bagi pihak yang hanya mempercayai root")
    public Response rootCrl() {
        return Response.ok(pki.currentRootCrl()).header("Cache-Control", "max-age=3600").build();
    }

    @GET
    @Path("/ca/root.crt")
    @Produces("application/pkix-cert")
    @Operation(summary = "Sertifikat root CA (DER): satu-satunya jangkar kepercayaan bagi pihak penerima dokumen")
    public byte[] root() {
        return pki.rootCaDer();
    }
}
