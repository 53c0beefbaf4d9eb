package id.teken.registration.adapter.in.rest;

import id.teken.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isOneOf;

/** GET /internal/v1/signers: signing-service finds a registered signer by NIP, NIK or email, with the service token only. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class InternalSignerResourceTest {

    static final String RINA = "198802292012052004";
    static final String RINA_NIK = "3502056902880005";

    @Test
    void aRegisteredSigner_isFoundByNipNikAndEmail_withTheServiceTokenOnly() {
        given().auth().oauth2(Jwt.issuer("https://teken.local").subject(RINA).groups(Set.of("ASN")).expiresIn(300).sign())
                .contentType(ContentType.JSON).body(Map.of("nik", RINA_NIK, "emailSiasn", "rina@example.com",
                        "emailDinas", "rina.wulandari@ponorogo.go.id"))
                .post("/api/v1/me/certificate/registration").then().statusCode(isOneOf(201, 409));
        String emailDinas = given().auth().oauth2("test-internal-token").queryParam("nip", RINA).get("/internal/v1/signers")
                .then().statusCode(200).body("nip", equalTo(RINA)).body("nik", equalTo(RINA_NIK))
                .body("nama", equalTo("Rina Wulandari")).body("status", isOneOf("NEW", "WAITING_FOR_VERIFICATION", "NO_CERTIFICATE",
                        "ISSUE", "NOT_REGISTERED", "RENEW", "SUSPEND", "REVOKE", "EXPIRED")).extract().path("emailDinas");
        given().auth().oauth2("test-internal-token").queryParam("nik", RINA_NIK).get("/internal/v1/signers")
                .then().statusCode(200).body("nip", equalTo(RINA));
        given().auth().oauth2("test-internal-token").queryParam("email", emailDinas.toUpperCase()).get("/internal/v1/signers")
                .then().statusCode(200).body("nip", equalTo(RINA)).body("jabatan", is(org.hamcrest.Matchers.notNullValue()));

        given().auth().oauth2("test-internal-token").queryParam("nik", "3502019999990099").get("/internal/v1/signers")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("SIGNER_NOT_FOUND"));
        given().auth().oauth2("test-internal-token").queryParam("nik", "12ab").get("/internal/v1/signers")
                .then().statusCode(400).body("code", equalTo("NIK_INVALID"));
        given().auth().oauth2("test-internal-token").get("/internal/v1/signers").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().auth().oauth2("test-internal-token").queryParam("nip", RINA).queryParam("nik", RINA_NIK).get("/internal/v1/signers")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().auth().oauth2("test-internal-token").queryParam("email", "x".repeat(300)).get("/internal/v1/signers")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().queryParam("nip", RINA).get("/internal/v1/signers").then().statusCode(401).body("code", equalTo("SERVICE_UNAUTHENTICATED"));
        given().auth().oauth2("wrong").queryParam("nip", RINA).get("/internal/v1/signers").then().statusCode(401);
        // An ASN's own JWT is not a service token.
        given().auth().oauth2(Jwt.issuer("https://teken.local").subject(RINA).groups(Set.of("ASN", "ADMIN")).expiresIn(300).sign())
                .queryParam("nip", RINA).get("/internal/v1/signers").then().statusCode(401);
    }
}
