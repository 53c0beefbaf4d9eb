package id.teken.activation;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.ServiceSkeletonChecks;
import id.teken.kit.problem.ProblemKind;
import id.teken.activation.domain.ErrorCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
class ServiceSkeletonTest {

    @Inject
    EntityManager entityManager;

    /** The management interface's root (/q), on its own port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    @Test
    void isHealthy_withDatabaseAndKafka() {
        ServiceSkeletonChecks.healthyWithDatabaseAndKafka(managementRoot);
    }

    @Test
    void servesOpenApiAndMetrics_onTheManagementPortOnly() {
        ServiceSkeletonChecks.servesOpenApiAndMetricsOnManagementOnly(managementRoot, "activation-service");
    }

    @Test
    void trustedProxies_areAddressesNotHostNames() {
        ServiceSkeletonChecks.trustedProxiesAreAddresses();
    }

    @Test
    void appliedTheSharedOutboxMigration() {
        ServiceSkeletonChecks.sharedOutboxMigrationApplied(entityManager);
    }

    @Test
    void everyErrorKind_hasAnHttpStatus() {
        for (ErrorCode code : ErrorCode.values()) {
            ProblemKind.of(code.kind());
        }
    }
}
