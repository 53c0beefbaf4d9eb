package id.teken.gateway.config;

import id.teken.gateway.adapter.out.assertion.HmacCallerAssertions;
import id.teken.gateway.application.port.in.AdmitRequestUseCase;
import id.teken.gateway.application.port.out.SystemClientAuthenticator;
import id.teken.gateway.application.port.out.TokenVerifier;
import id.teken.gateway.application.service.RequestAdmissionService;
import id.teken.gateway.domain.RateLimiter;
import id.teken.gateway.domain.Route;
import id.teken.gateway.domain.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The public route table (ARCHITECTURE.md section 8) and the admission policies wired over it. */
@ApplicationScoped
public class GatewayRoutes {

    @Produces
    @Singleton
    RouteTable routeTable(GatewaySettings settings) {
        GatewaySettings.Upstream up = settings.gateway().upstream();
        long json = settings.gateway().jsonBodyLimit().asLongValue();
        long document = settings.gateway().documentBodyLimit().asLongValue();
        long batch = settings.gateway().batchBodyLimit().asLongValue();
        return new RouteTable(List.of(
                new Route("/api/v1/auth", up.registration(), Optional.empty(), json),
                new Route("/api/v1/me", up.registration(), Optional.of("ASN"), json),
                new Route("/api/v1/activations", up.activation(), Optional.empty(), json, Optional.of("/selfie"),
                        settings.gateway().selfieBodyLimit().asLongValue()),
                new Route("/api/v1/verifier", up.activation(), Optional.of("VERIFIKATOR"), json),
                new Route("/api/v1/verifier/certificates", up.certificate(), Optional.of("VERIFIKATOR"), json),
                new Route("/api/v1/verifier/contract-staff", up.registration(), Optional.of("VERIFIKATOR"), json),
                new Route("/api/v1/me/certificate/passphrase-reset", up.certificate(), Optional.of("ASN"), json),
                new Route("/api/v1/me/certificate/renewal", up.certificate(), Optional.of("ASN"), json),
                new Route("/api/v1/passphrase-links", up.certificate(), Optional.empty(), json),
                new Route("/api/v1/signing-approvals", up.certificate(), Optional.empty(), json),
                new Route("/pki", up.certificate(), Optional.empty(), json),
                new Route("/api/v1/signatures", up.signing(), Optional.of("ASN"), document, Optional.of("/batch"), batch)
                        .withSystemClients(),
                new Route("/api/v1/admin/clients", up.signing(), Optional.of("ADMIN"), json),
                new Route("/api/v1/admin/seals", up.certificate(), Optional.of("ADMIN"), json),
                // BSrE Esign Client compatible routes: system clients' Basic credentials, mapped to an internal identity.
                new Route("/api/sign", up.signing(), Optional.empty(), document).bsreCompatible(),
                new Route("/api/v2", up.signing(), Optional.empty(), batch).bsreCompatible(),
                new Route("/api/user", up.signing(), Optional.empty(), json).bsreCompatible(),
                new Route("/api/verify", up.signing(), Optional.empty(), document).bsreCompatible(),
                // The Cloud Signature Consortium API v2: auth/login (HTTP Basic NIP:password) at registration-service, the rest
                // at signing-service, which checks the Bearer token itself and answers in CSC's error shape.
                new Route("/csc/v2/auth", up.registration(), Optional.empty(), json),
                // signDoc carries PDFs (base64 in JSON): the batch limit there, the JSON limit elsewhere.
                new Route("/csc/v2", up.signing(), Optional.empty(), json, Optional.of("/signatures/signDoc"), batch),
                new Route("/api/v1/verifications", up.signing(), Optional.empty(), document),
                new Route("/verify", up.signing(), Optional.empty(), json)));
    }

    @Produces
    @Singleton
    AdmitRequestUseCase admission(RouteTable routes, TokenVerifier tokens, SystemClientAuthenticator systemClients,
                                  GatewaySettings settings) {
        return new RequestAdmissionService(routes, tokens, systemClients,
                new HmacCallerAssertions(settings.clientAssertion().key().orElse("")),
                new RateLimiter(settings.gateway().rateLimit().perIp()),
                new RateLimiter(settings.gateway().rateLimit().perClient()), System::nanoTime);
    }
}
