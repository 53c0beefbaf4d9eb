package id.teken.signing.adapter.in;

import id.teken.devstack.ConsumerProgress;
import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.TopicWriter;
import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import id.teken.events.Topics;
import id.teken.events.certificate.CertificateIssued;
import id.teken.events.certificate.CertificateReinstated;
import id.teken.events.certificate.CertificateRevoked;
import id.teken.events.certificate.CertificateSuspended;
import id.teken.signing.CertificateServiceStandIn;
import id.teken.signing.Pdfs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Suspension, reinstatement and revocation reach signing-service by Kafka and decide at once. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
@QuarkusTestResource(CertificateServiceStandIn.class)
class SignerStatusProjectionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** The consumer group the service's event consumer uses (its application name). */
    @ConfigProperty(name = "quarkus.application.name")
    String group;

    <P> org.apache.kafka.clients.producer.RecordMetadata publish(Topic<P> topic, String key, P payload) {
        return TopicWriter.send(kafka, topic.name(), key, EventCodec.toJson(EventEnvelope.of(topic, key, "test", payload)));
    }

    int sign() {
        return given().auth().oauth2(Jwt.issuer("https://teken.local").subject(CertificateServiceStandIn.SIGNER).groups("ASN")
                        .expiresIn(300).sign())
                .multiPart("file", "a.pdf", Pdfs.letter(1), "application/pdf")
                .multiPart("passphrase", CertificateServiceStandIn.PASSPHRASE).post("/api/v1/signatures").statusCode();
    }

    int awaitStatus(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = sign();
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(300);
            status = sign();
        }
        return status;
    }

    @Test
    void suspendedAndRevokedSigners_areRefusedFromTheProjection_reinstatedOnesSignAgain() throws Exception {
        String nip = CertificateServiceStandIn.SIGNER;
        String serial = "AB12";
        publish(Topics.CERTIFICATE_ISSUED, nip, new CertificateIssued("c", "r", nip, serial, "CN=x", "pem", Instant.now(),
                Instant.now().plusSeconds(3600), null));
        publish(Topics.CERTIFICATE_SUSPENDED, nip, new CertificateSuspended("c", nip, serial, "v", Instant.now()));
        assertThat(awaitStatus(409)).isEqualTo(409);
        publish(Topics.CERTIFICATE_REINSTATED, nip, new CertificateReinstated("c", nip, serial, "v", Instant.now()));
        assertThat(awaitStatus(200)).isEqualTo(200);
        // A superseded revocation changes nothing; another reason does.
        java.util.List<org.apache.kafka.clients.producer.RecordMetadata> ignored = java.util.List.of(
                publish(Topics.CERTIFICATE_REVOKED, nip, new CertificateRevoked("c", nip, serial, "superseded", nip, Instant.now())),
                publish(Topics.CERTIFICATE_REVOKED, nip, new CertificateRevoked("c", nip, "OTHER", "keyCompromise", "v", Instant.now())));
        // Barrier, not a pause: the service has handled both before we look.
        ConsumerProgress.awaitHandled(kafka, group, ignored, java.time.Duration.ofSeconds(30));
        assertThat(sign()).isEqualTo(200);
        publish(Topics.CERTIFICATE_REVOKED, nip, new CertificateRevoked("c", nip, serial, "keyCompromise", "v", Instant.now()));
        assertThat(awaitStatus(409)).isEqualTo(409);
        // A new certificate (after a reset) makes the signer ISSUE again.
        publish(Topics.CERTIFICATE_ISSUED, nip, new CertificateIssued("c2", "r", nip, "CD34", "CN=x", "pem", Instant.now(),
                Instant.now().plusSeconds(3600), serial));
        assertThat(awaitStatus(200)).isEqualTo(200);
    }
}
