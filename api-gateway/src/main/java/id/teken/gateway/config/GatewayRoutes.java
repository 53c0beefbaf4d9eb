package id.teken.gateway.config;

import id.teken.gateway.domain.Route;
import id.teken.gateway.domain.RouteTable;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/** The public route table (ARCHITECTURE.md section 8); later issues add their routes here. */
@ApplicationScoped
public class GatewayRoutes {

    @ConfigProperty(name = "teken.gateway.upstream.registration")
    String registration;

    @ConfigProperty(name = "teken.gateway.upstream.activation")
    String activation;

    @ConfigProperty(name = "teken.gateway.upstream.certificate")
    String certificate;

    @ConfigProperty(name = "teken.gateway.upstream.signing")
    String signing;

    @ConfigProperty(name = "teken.gateway.document-body-limit")
    MemorySize documentLimit;

    @ConfigProperty(name = "teken.gateway.json-body-limit")
    MemorySize jsonLimit;

    @ConfigProperty(name = "teken.gateway.selfie-body-limit")
    MemorySize selfieLimit;

    @ConfigProperty(name = "teken.gateway.batch-body-limit")
    MemorySize batchLimit;

    @Produces
    @Singleton
    RouteTable routeTable() {
        long json = jsonLimit.asLongValue();
        return new RouteTable(List.of(
                new Route("/api/v1/auth", registration, Optional.empty(), json),
                new Route("/api/v1/me", registration, Optional.of("ASN"), json),
                new Route("/api/v1/activations", activation, Optional.empty(), json, Optional.of("/selfie"),
                        selfieLimit.asLongValue()),
                new Route("/api/v1/verifier", activation, Optional.of("VERIFIKATOR"), json),
                new Route("/api/v1/verifier/certificates", certificate, Optional.of("VERIFIKATOR"), json),
                new Route("/api/v1/me/certificate/passphrase-reset", certificate, Optional.of("ASN"), json),
                new Route("/api/v1/me/certificate/renewal", certificate, Optional.of("ASN"), json),
                new Route("/api/v1/passphrase-links", certificate, Optional.empty(), json),
                new Route("/pki", certificate, Optional.empty(), json),
                new Route("/api/v1/signatures", signing, Optional.of("ASN"), documentLimit.asLongValue(), Optional.of("/batch"),
                        batchLimit.asLongValue()).withSystemClients(),
                new Route("/api/v1/admin/clients", signing, Optional.of("ADMIN"), json),
                // BSrE Esign Client compatible routes: system clients' Basic credentials, mapped to an internal identity.
                new Route("/api/sign", signing, Optional.empty(), documentLimit.asLongValue()).bsreCompatible(),
                new Route("/api/v2", signing, Optional.empty(), batchLimit.asLongValue()).bsreCompatible(),
                new Route("/api/user", signing, Optional.empty(), json).bsreCompatible(),
                new Route("/api/v1/verifications", signing, Optional.empty(), documentLimit.asLongValue()),
                new Route("/verify", signing, Optional.empty(), json)));
    }
}
