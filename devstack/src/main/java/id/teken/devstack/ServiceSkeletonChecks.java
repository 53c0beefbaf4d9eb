package id.teken.devstack;

import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.URL;
import org.eclipse.microprofile.config.ConfigProvider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What every service's skeleton must show, checked the same way in each service's own {@code ServiceSkeletonTest}. */
public final class ServiceSkeletonChecks {

    private ServiceSkeletonChecks() {
    }

    /** Ready only with its database and Kafka, on the management port. */
    public static void healthyWithDatabaseAndKafka(URL managementRoot) {
        given().get(management(managementRoot) + "/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check")).body(containsString("Kafka"));
    }

    /** OpenAPI under the service's title and metrics on the management port; nothing of /q on the service port. */
    public static void servesOpenApiAndMetricsOnManagementOnly(URL managementRoot, String service) {
        given().get(management(managementRoot) + "/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Teken " + service));
        given().get(management(managementRoot) + "/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        for (String q : new String[]{"/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui"}) {
            given().get(q).then().statusCode(404);
        }
    }

    /** A host name among the trusted proxies is resolved on every request (a bare "::1" is one: host ":" port 1). */
    public static void trustedProxiesAreAddresses() {
        assertThat(TrustedProxies.hostNames(ConfigProvider.getConfig()
                .getValue("quarkus.http.proxy.trusted-proxies", String.class))).isEmpty();
        assertThat(TrustedProxies.hostNames("127.0.0.1,::1")).containsExactly("::1");
    }

    /** The service-kit's outbox and processed-event tables exist with their columns. */
    public static void sharedOutboxMigrationApplied(EntityManager entityManager) {
        Number columns = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM information_schema.columns WHERE (table_name = 'teken_outbox' AND column_name IN "
                        + "('id', 'topic', 'record_key', 'body', 'published_at')) OR (table_name = 'teken_processed_event' "
                        + "AND column_name IN ('consumer', 'event_id'))").getSingleResult());
        assertThat(columns.intValue()).isEqualTo(7);
    }

    private static String management(URL managementRoot) {
        return managementRoot.toString().replaceAll("/+$", "");
    }
}
