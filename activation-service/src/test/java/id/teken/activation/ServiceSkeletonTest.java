package id.teken.activation;

import id.teken.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
class ServiceSkeletonTest {

    @Inject
    EntityManager entityManager;

    /** The management interface's root (/q), on its own port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL managementRoot;

    String management() {
        return managementRoot.toString().replaceAll("/+$", "");
    }

    @Test
    void isHealthy_withDatabaseAndKafka() {
        given().get(management() + "/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check")).body(containsString("Kafka"));
    }

    @Test
    void servesOpenApiAndMetrics() {
        given().get(management() + "/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Teken activation-service"));
        given().get(management() + "/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        // Nothing of /q on the service port itself.
        for (String q : new String[]{"/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui"}) {
            given().get(q).then().statusCode(404);
        }
    }

    @Test
    void trustedProxies_areAddressesNotHostNames() {
        // A host name there is resolved on every request (a bare "::1" is one: host ":" port 1).
        assertThat(id.teken.devstack.TrustedProxies.hostNames(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.proxy.trusted-proxies", String.class))).isEmpty();
        assertThat(id.teken.devstack.TrustedProxies.hostNames("127.0.0.1,::1")).containsExactly("::1");
    }

    @Test
    void appliedTheSharedOutboxMigration() {
        Number columns = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM information_schema.columns WHERE (table_name = 'teken_outbox' AND column_name IN "
                        + "('id', 'topic', 'record_key', 'body', 'published_at')) OR (table_name = 'teken_processed_event' "
                        + "AND column_name IN ('consumer', 'event_id'))").getSingleResult());
        assertThat(columns.intValue()).isEqualTo(7);
    }
}
