package id.teken.signing.adapter.in.rest;

import id.teken.signing.config.SigningConfig;

import id.teken.kit.ClientAssertion;
import id.teken.signing.application.port.in.ManageSystemClientsUseCase;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.SystemClient;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who is calling: a signed-in ASN (Bearer JWT, role ASN) or another Pemkab system: through the gateway, which checked the
 * client's HTTP Basic credentials and forwards an internal identity ({@link ClientAssertion}, X-Teken-Client)
 * instead of the secret; or, inside the internal network, with the Basic credentials themselves. The caller's address is
 * the one the trusted gateway put in X-Forwarded-For.
 */
@RequestScoped
public class Callers {

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    @Inject
    ManageSystemClientsUseCase clients;

    @Inject
    SigningConfig config;

    @Inject
    ClientAssertion.Verifier assertions;

    /** A caller: exactly one of nip (ASN) and client (system) is set. */
    public record Caller(String nip, SystemClient client) {
        public String clientId() {
            return requester().clientId();
        }

        public id.teken.signing.application.port.in.SignDocumentUseCase.Requester requester() {
            return client == null ? id.teken.signing.application.port.in.SignDocumentUseCase.Requester.owner(nip)
                    : id.teken.signing.application.port.in.SignDocumentUseCase.Requester.of(client);
        }
    }

    /** Basic -> system client; otherwise the JWT must carry ASN. */
    public Caller asnOrSystem() {
        SystemClient asserted = assertedClient();
        if (asserted != null) {
            return new Caller(null, asserted);
        }
        String authorization = routing.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Caller(null, system(authorization));
        }
        if (identity.isAnonymous()) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "Masuk dengan token (Bearer) atau kredensial aplikasi (Basic).");
        }
        if (!identity.hasRole("ASN")) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Peran Anda tidak mengizinkan tindakan ini.");
        }
        return new Caller(identity.getPrincipal().getName(), null);
    }

    /** Only a system client (the BSrE-compatible routes). */
    public SystemClient system() {
        SystemClient asserted = assertedClient();
        if (asserted != null) {
            return asserted;
        }
        String authorization = routing.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new DomainException(ErrorCode.CLIENT_UNAUTHENTICATED, "Kredensial aplikasi (HTTP Basic) wajib.");
        }
        return system(authorization);
    }

    /** The client the gateway vouches for, or null when there is no assertion; a bad assertion is refused. */
    private SystemClient assertedClient() {
        String header = routing.request().getHeader(ClientAssertion.HEADER);
        if (header == null) {
            return null;
        }
        String username = assertions.verify(header, routing.request().method().name(), routing.request().path(),
                        config.clientAssertion().key().orElse(null), java.time.Instant.now())
                .orElseThrow(() -> new DomainException(ErrorCode.CLIENT_UNAUTHENTICATED, "Identitas aplikasi dari gateway tidak sah."));
        return clients.asserted(username, address());
    }

    private SystemClient system(String authorization) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.CLIENT_UNAUTHENTICATED, "Kredensial aplikasi tidak terbaca.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw new DomainException(ErrorCode.CLIENT_UNAUTHENTICATED, "Kredensial aplikasi tidak terbaca.");
        }
        return clients.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), address());
    }

    String address() {
        return routing.request().remoteAddress() == null ? null : routing.request().remoteAddress().hostAddress();
    }
}
