package id.teken.registration.adapter.in.rest;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.MailInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class AuthResourceTest {

    static final String AGUS = "197812012005041003";
    static final String RINA = "198802292012052004";
    static final String ANDI = "199304182023031007";
    static final String PASSWORD = "Sandi-Kuat-2026";

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    @Inject
    EntityManager entityManager;

    /** Lupa Password through the mail, as a person does it; returns the token from the link. */
    static String requestResetAndReadToken(MailInbox inbox, String nip, String email) {
        int before = inbox.messages(email).size();
        given().contentType(ContentType.JSON).body(Map.of("nip", nip))
                .post("/api/v1/auth/password-reset").then().statusCode(202);
        MailInbox.Message mail = inbox.await(email, before + 1, Duration.ofSeconds(20)).get(before);
        assertThat(mail.subject()).contains("Atur Password");
        String link = mail.link("/lupa-password/").orElseThrow();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void lupaPassword_setPassword_thenLogIn_givesAnRs256TokenWithRoles() {
        MailInbox inbox = new MailInbox(mailApi);
        String token = requestResetAndReadToken(inbox, AGUS, "agus.prasetyo@example.com");

        given().contentType(ContentType.JSON).body(Map.of("newPassword", PASSWORD))
                .post("/api/v1/auth/password-reset/" + token)
                .then().statusCode(200).body("message", containsString("berhasil"));

        Response login = given().contentType(ContentType.JSON).body(Map.of("nip", AGUS, "password", PASSWORD))
                .post("/api/v1/auth/login");
        login.then().statusCode(200).body("tokenType", equalTo("Bearer")).body("expiresIn", notNullValue())
                .body("roles", hasItems("ASN", "VERIFIKATOR"));
        String jwt = login.jsonPath().getString("accessToken");
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"RS256\"");
        assertThat(claims).contains("\"sub\":\"" + AGUS + "\"", "VERIFIKATOR", "\"exp\"");

        given().auth().oauth2(jwt).get("/api/v1/me").then().statusCode(200).body("nama", equalTo("Agus Prasetyo"));

        // The used link cannot be used again.
        given().contentType(ContentType.JSON).body(Map.of("newPassword", "Sandi-Lain-2026"))
                .post("/api/v1/auth/password-reset/" + token)
                .then().statusCode(410).body("code", equalTo("RESET_LINK_USED"));
    }

    @Test
    void unknownNip_andWrongPassword_getTheSameAnswer() {
        MailInbox inbox = new MailInbox(mailApi);
        String token = requestResetAndReadToken(inbox, RINA, "rina.wulandari@example.com");
        given().contentType(ContentType.JSON).body(Map.of("newPassword", PASSWORD))
                .post("/api/v1/auth/password-reset/" + token).then().statusCode(200);

        Response wrong = given().contentType(ContentType.JSON).body(Map.of("nip", RINA, "password", "Salah-Sekali-1"))
                .post("/api/v1/auth/login");
        Response unknown = given().contentType(ContentType.JSON).body(Map.of("nip", "199912312020121001", "password", "Salah-Sekali-1"))
                .post("/api/v1/auth/login");
        wrong.then().statusCode(401).contentType("application/problem+json").body("code", equalTo("INVALID_CREDENTIALS"));
        unknown.then().statusCode(401).contentType("application/problem+json");
        assertThat(wrong.jsonPath().getString("detail")).isEqualTo(unknown.jsonPath().getString("detail"));
        assertThat(wrong.jsonPath().getString("title")).isEqualTo(unknown.jsonPath().getString("title"));
        assertThat(wrong.asString()).doesNotContain("Salah-Sekali-1");

        given().contentType(ContentType.JSON).body(Map.of("nip", RINA, "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).body("roles", hasItems("ASN", "ADMIN"));
    }

    @Test
    void repeatedFailures_areThrottledPerNip_withRetryAfter() {
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("nip", ANDI, "password", "Salah-" + i))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("nip", ANDI, "password", "Salah-6"))
                .post("/api/v1/auth/login").then().statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
    }

    @Test
    void resetForUnknownOrIneligibleNip_isAcceptedAlike_andMailsNothing() {
        MailInbox inbox = new MailInbox(mailApi);
        String known = given().contentType(ContentType.JSON).body(Map.of("nip", "198107302006042008"))
                .post("/api/v1/auth/password-reset").then().statusCode(202).extract().jsonPath().getString("message");
        String unknown = given().contentType(ContentType.JSON).body(Map.of("nip", "199912312020121001"))
                .post("/api/v1/auth/password-reset").then().statusCode(202).extract().jsonPath().getString("message");
        assertThat(known).isEqualTo(unknown);
        assertThat(inbox.messages("199912312020121001")).isEmpty();
    }

    @Test
    void resetLinks_unknownExpiredMalformed_andWeakPasswords() {
        MailInbox inbox = new MailInbox(mailApi);
        given().contentType(ContentType.JSON).body(Map.of("newPassword", PASSWORD))
                .post("/api/v1/auth/password-reset/" + "A".repeat(43)).then().statusCode(404).body("code", equalTo("RESET_LINK_UNKNOWN"));
        given().contentType(ContentType.JSON).body(Map.of("newPassword", PASSWORD))
                .post("/api/v1/auth/password-reset/not-a-token").then().statusCode(404);

        String token = requestResetAndReadToken(inbox, "199511052022022001", "dewi.lestari@example.com");
        given().contentType(ContentType.JSON).body(Map.of("newPassword", "lemah"))
                .post("/api/v1/auth/password-reset/" + token).then().statusCode(422).body("code", equalTo("PASSWORD_WEAK"))
                .body("detail", containsString("minimal 8"));
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/auth/password-reset/" + token).then().statusCode(422).body("code", equalTo("PASSWORD_WEAK"));

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE password_reset_token SET expires_at = now() - interval '1 minute' WHERE nip = '199511052022022001'")
                .executeUpdate());
        given().contentType(ContentType.JSON).body(Map.of("newPassword", PASSWORD))
                .post("/api/v1/auth/password-reset/" + token).then().statusCode(410).body("code", equalTo("RESET_LINK_EXPIRED"))
                .body("detail", containsString("kedaluwarsa"));
    }

    @Test
    void onlyTheHashOfAResetTokenIsStored() {
        MailInbox inbox = new MailInbox(mailApi);
        String token = requestResetAndReadToken(inbox, "199007222015032002", "siti.rahayu@example.com");
        Number clear = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM password_reset_token WHERE token_hash = ?1").setParameter(1, token).getSingleResult());
        assertThat(clear.intValue()).isZero();
    }

    @Test
    void badInput_getsProblemJson() {
        given().contentType(ContentType.JSON).body("{\"nip\": ").post("/api/v1/auth/login")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_REQUEST"));
        given().contentType(ContentType.JSON).post("/api/v1/auth/login")
                .then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        given().contentType(ContentType.JSON).body(Map.of("password", "x")).post("/api/v1/auth/login")
                .then().statusCode(400).body("code", equalTo("NIP_INVALID"));
        given().contentType(ContentType.JSON).body(Map.of("nip", AGUS)).post("/api/v1/auth/login")
                .then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        given().contentType(ContentType.JSON).body(Map.of("nip", 12345, "password", "x")).post("/api/v1/auth/login")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/auth/login")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().contentType(ContentType.TEXT).body("nip=1").post("/api/v1/auth/login")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("nip", "abc")).post("/api/v1/auth/password-reset")
                .then().statusCode(400).body("code", equalTo("NIP_INVALID"));
        given().contentType(ContentType.JSON).body("{\"nip\":\"" + "1".repeat(70_000) + "\"}").post("/api/v1/auth/password-reset")
                .then().statusCode(413);
        given().get("/api/v1/auth/login").then().statusCode(405);
    }
}
