package id.teken.certificate.adapter.in;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.InternalEndpoint;
import id.teken.devstack.MailInbox;
import id.teken.devstack.SigningApiContract;
import id.teken.devstack.TopicWriter;
import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;

import static io.restassured.RestAssured.given;

/** The real internal signing API against the contract that signing-service's stand-in passes too. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class SigningApiContractTest extends SigningApiContract {

    private static final String NIP = "199101012019031005";
    private static final String EMAIL = "kontrak.sign@ponorogo.go.id";
    private static final String PASSPHRASE = "Kebun#Teh7Lawu";
    private static volatile boolean issued;

    @TestHTTPResource("/")
    URL root;

    /** Activation -> set passphrase -> ISSUE, once for the class. */
    @BeforeEach
    void issueOnce() {
        if (issued) {
            return;
        }
        ActivationCompleted a = new ActivationCompleted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), NIP,
                "3502010101910005", "Kontrak Penanda", EMAIL, "+6281234567890", "ASN_POLRI", "Pemerintah Kabupaten Ponorogo",
                "Dinas", "Jabatan", "Jawa Timur", "KP-2026-01", "PPSE-2026-01", Instant.now(), null, Instant.now(), null);
        String kafka = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        TopicWriter.send(kafka, Topics.ACTIVATION_COMPLETED.name(), a.registrationId(),
                EventCodec.toJson(EventEnvelope.of(Topics.ACTIVATION_COMPLETED, a.registrationId(), "test", a)));
        String mailApi = ConfigProvider.getConfig().getValue("teken.devstack.mail-api", String.class);
        String link = new MailInbox(mailApi).await(EMAIL, 2, Duration.ofSeconds(30)).get(1).link("/passphrase/").orElseThrow();
        given().contentType(ContentType.JSON).body(Map.of("passphrase", PASSPHRASE, "setujuPerjanjianPemilik", true))
                .post("/api/v1/passphrase-links/" + link.substring(link.lastIndexOf('/') + 1)).then().statusCode(200);
        issued = true;
    }

    @Override
    protected InternalEndpoint endpoint() {
        return new InternalEndpoint(root.toString(), "test-internal-token");
    }

    @Override
    protected KnownSigner signer() {
        return new KnownSigner(NIP, PASSPHRASE);
    }
}
