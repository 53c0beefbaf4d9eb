package id.teken.registration.adapter.in.rest;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.InternalEndpoint;
import id.teken.devstack.SignerApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.isOneOf;

/** The real signer lookup against the contract that signing-service's stand-in passes too. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class SignerApiContractTest extends SignerApiContract {

    private static final String NIP = "199511052022022001";
    private static final String NIK = "3502154511950003";
    private static final String EMAIL = "dewi.kontrak@ponorogo.go.id";

    @TestHTTPResource("/")
    URL root;

    /** The signer registers for a certificate (again: 409), as the lookup knows only registrants. */
    @BeforeEach
    void registered() {
        given().auth().oauth2(Jwt.issuer("https://teken.local").subject(NIP).groups(Set.of("ASN")).expiresIn(300).sign())
                .contentType(ContentType.JSON).body(Map.of("nik", NIK, "emailSiasn", "dewi.lestari@example.com", "emailDinas", EMAIL))
                .post("/api/v1/me/certificate/registration").then().statusCode(isOneOf(201, 409));
    }

    @Override
    protected InternalEndpoint endpoint() {
        return new InternalEndpoint(root.toString(), "test-internal-token");
    }

    @Override
    protected KnownSigner signer() {
        return new KnownSigner(NIP, NIK, EMAIL);
    }
}
