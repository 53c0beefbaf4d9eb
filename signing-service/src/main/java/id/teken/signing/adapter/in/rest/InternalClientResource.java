package id.teken.signing.adapter.in.rest;

import id.teken.signing.config.SigningConfig;
import id.teken.kit.ServiceToken;
import id.teken.signing.application.port.in.ManageSystemClientsUseCase;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.SystemClient;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For the gateway only (service token, TEKEN_INTERNAL_TOKEN; never routed publicly): checks a system client's HTTP Basic
 * credentials and caller address, so the gateway can forward the request with an internal identity instead of the
 * secret. Every failure of the credentials is the same 401 CLIENT_UNAUTHENTICATED.
 */
@Path("/internal/v1/system-clients/authentication")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Hanya untuk api-gateway di jaringan internal")
public class InternalClientResource {

    @Inject
    SigningConfig config;

    @Inject
    ManageSystemClientsUseCase clients;

    /** The credentials as the caller gave them, and the caller's address as the gateway saw it. */
    public record AuthenticationRequest(String username, String secret, String address) {
        @Override
        public String toString() {
            return "AuthenticationRequest[username=" + username + ", address=" + address + "]";
        }
    }

    /** The authenticated client. */
    public record AuthenticatedClient(String id, String username) {
    }

    @POST
    @Operation(summary = "Memeriksa kredensial Basic aplikasi klien untuk gateway")
    public AuthenticatedClient authenticate(@HeaderParam("Authorization") String authorization, AuthenticationRequest body) {
        switch (ServiceToken.check(authorization, config.internal().token())) {
            case NOT_CONFIGURED -> throw new DomainException(ErrorCode.SERVICE_UNAUTHENTICATED, "system-client authentication is not configured (TEKEN_INTERNAL_TOKEN)");
            case REFUSED -> throw new DomainException(ErrorCode.SERVICE_UNAUTHENTICATED, "unknown service");
            case ACCEPTED -> { }
        }
        if (body == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "request body required");
        }
        SystemClient client = clients.authenticate(body.username(), body.secret(), body.address());
        return new AuthenticatedClient(client.id().toString(), client.username());
    }
}
