package id.teken.devstack;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every service's skeleton must show, as tests a service's {@code @QuarkusTest ServiceSkeletonTest} inherits:
 * ready only with its database and Kafka, OpenAPI and metrics on the management port only, trusted proxies as
 * addresses, every error kind mapped to an HTTP status, the service kit's outbox tables migrated.
 */
public abstract class ServiceSkeletonContract {

    @Inject
    EntityManager entityManager;

    /** The management interface's root (/q), on its own port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private final String service;
    private final boolean behindTrustedProxies;
    private final Enum<?>[] errorKinds;

    /**
     * The service's name as its OpenAPI title says it ("Teken " + name), whether it is configured behind trusted proxies
     * (quarkus.http.proxy.trusted-proxies), and its domain's error kinds (each must have an HTTP status in the kit).
     */
    protected ServiceSkeletonContract(String service, boolean behindTrustedProxies, Enum<?>[] errorKinds) {
        this.service = service;
        this.behindTrustedProxies = behindTrustedProxies;
        this.errorKinds = errorKinds;
    }

    @Test
    void isHealthy_withDatabaseAndKafka() {
        ServiceSkeletonChecks.healthyWithDatabaseAndKafka(managementRoot);
    }

    @Test
    void servesOpenApiAndMetrics_onTheManagementPortOnly() {
        ServiceSkeletonChecks.servesOpenApiAndMetricsOnManagementOnly(managementRoot, service);
    }

    @Test
    void trustedProxies_areAddressesNotHostNames() {
        Assumptions.assumeTrue(behindTrustedProxies, "no trusted proxies configured");
        ServiceSkeletonChecks.trustedProxiesAreAddresses();
    }

    @Test
    void everyErrorKind_hasAnHttpStatus() {
        for (Enum<?> kind : errorKinds) {
            id.teken.kit.problem.ProblemKind.of(kind);
        }
    }

    /** A %test. secret in the main configuration would become live in a deployment started with QUARKUS_PROFILE=test. */
    @Test
    void mainConfiguration_holdsNoTestSecret() throws Exception {
        java.util.List<String> offending = new java.util.ArrayList<>();
        java.util.List<java.net.URL> files = java.util.Collections.list(getClass().getClassLoader().getResources("application.properties"));
        org.assertj.core.api.Assertions.assertThat(files).as("the service's main configuration is read").isNotEmpty();
        for (java.net.URL url : files) {
            try (java.io.InputStream in = url.openStream()) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    String name = line.split("=", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
                    if (name.startsWith("%") && name.matches(".*(key|token|password|secret).*") && !name.endsWith("location")
                            && !name.endsWith("-bits") && !name.endsWith(".path")) {
                        offending.add(url + ": " + name);
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(offending).isEmpty();
    }

    @Test
    void appliedTheSharedOutboxMigration() {
        ServiceSkeletonChecks.sharedOutboxMigrationApplied(entityManager);
    }
}
