package id.teken.registration.adapter.in.rest;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.MailInbox;
import id.teken.devstack.TopicWriter;
import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topics;
import id.teken.events.signing.SystemClientDisabled;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login limits as they run in production (20 at once per address, one more every 3 s; password hashes bounded):
 * an anonymous burst of 40 parallel logins from one address gets no 5xx and costs a real user of that address seconds,
 * not a ban. Also: a system client turned off by signing-service reaches the ADMINs by mail.
 */
@QuarkusTest
@TestProfile(LoginBurstAndNoticesTest.ProductionLimits.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class LoginBurstAndNoticesTest {

    static final String RINA = "198802292012052004";
    static final String BUDI = "198503152010011001";

    /** The limits of the main configuration, not the test profile's relaxed ones; two hashing turns. */
    public static class ProductionLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("teken.accounts.login.address-burst", "20", "teken.accounts.login.address-refill", "PT3S",
                    "teken.accounts.hashing.max-concurrent", "2");
        }
    }

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void fortyParallelAnonymousLogins_getNo5xx_andARealUserOfTheSameAddressLogsInWithinAMinute() throws Exception {
        String token = AuthResourceTest.requestResetAndReadToken(new MailInbox(mailApi), BUDI, "budi.santoso@example.com");
        given().contentType(ContentType.JSON).body(Map.of("newPassword", AuthResourceTest.PASSWORD))
                .post("/api/v1/auth/password-reset/" + token).then().statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String nip = "19991231202012" + String.format("%04d", 1000 + i);
            answers.add(pool.submit(() -> {
                start.await();
                return given().contentType(ContentType.JSON).body(Map.of("nip", nip, "password", "Tebak-Saja-1"))
                        .post("/api/v1/auth/login").statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).as("answers " + codes).allMatch(c -> c == 401 || c == 429);
        assertThat(codes).contains(429);

        Instant deadline = Instant.now().plusSeconds(60);
        Response login;
        do {
            login = given().contentType(ContentType.JSON).body(Map.of("nip", BUDI, "password", AuthResourceTest.PASSWORD))
                    .post("/api/v1/auth/login");
            if (login.statusCode() == 429) {
                long wait = Long.parseLong(login.header("Retry-After"));
                assertThat(wait).as("a rate, not a ban").isLessThanOrEqualTo(5);
                Thread.sleep(wait * 1000);
            }
        } while (login.statusCode() == 429 && Instant.now().isBefore(deadline));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.contentType()).contains("json");
    }

    @Test
    void aSystemClientTurnedOff_isMailedToEveryAdmin() {
        SystemClientDisabled event = new SystemClientDisabled("persuratan-desa", "failure budget spent: 60 failures in 24 h", 60,
                Instant.now());
        TopicWriter.send(kafka, Topics.SYSTEM_CLIENT_DISABLED.name(), event.clientUsername(),
                EventCodec.toJson(EventEnvelope.of(Topics.SYSTEM_CLIENT_DISABLED, event.clientUsername(), "test", event)));
        MailInbox.Message mail = new MailInbox(mailApi).await("rina.wulandari@example.com", 1, Duration.ofSeconds(30)).stream()
                .filter(m -> m.subject().contains("persuratan-desa")).findFirst().orElseThrow();
        assertThat(mail.text()).contains("dinonaktifkan").contains("failure budget");
    }
}
