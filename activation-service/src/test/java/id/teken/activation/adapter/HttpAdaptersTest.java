package id.teken.activation.adapter;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.teken.activation.adapter.out.face.HttpFaceVerification;
import id.teken.activation.adapter.out.siasn.CsvSiasnDirectory;
import id.teken.activation.adapter.out.siasn.HttpSiasnDirectory;
import id.teken.activation.application.port.out.EmployeeDirectory;
import id.teken.activation.application.port.out.FaceVerification;
import id.teken.activation.domain.FaceResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpAdaptersTest {

    static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private HttpFaceVerification faces() {
        return new HttpFaceVerification(URI.create(server.baseUrl()), "kunci", Duration.ofSeconds(3), 0.8);
    }

    @Test
    void faceScoreAtOrAboveThreshold_isAMatch_belowIsAMismatch() {
        server.stubFor(post(urlEqualTo("/api/face/verify")).withRequestBody(matchingJsonPath("$.nik", equalTo("3502011503850001")))
                .willReturn(aResponse().withStatus(200).withBody("{\"score\": 0.91}")));
        server.stubFor(post(urlEqualTo("/api/face/verify")).withRequestBody(matchingJsonPath("$.nik", equalTo("3502106207900002")))
                .willReturn(aResponse().withStatus(200).withBody("{\"score\": 0.42}")));
        FaceResult match = faces().verify("3502011503850001", "image/jpeg", new byte[] {1, 2, 3});
        assertThat(match.outcome()).isEqualTo(FaceResult.Outcome.MATCH);
        assertThat(match.score()).isEqualTo(0.91);
        assertThat(faces().verify("3502106207900002", "image/jpeg", new byte[] {1}).outcome()).isEqualTo(FaceResult.Outcome.NO_MATCH);
        server.verify(postRequestedFor(urlEqualTo("/api/face/verify")).withHeader("Authorization", equalTo("Bearer kunci"))
                .withRequestBody(matchingJsonPath("$.image", equalTo("AQID"))));
    }

    @Test
    void faceServiceFailures_areUnavailable() {
        server.stubFor(post(urlEqualTo("/api/face/verify")).withRequestBody(matchingJsonPath("$.nik", equalTo("1111111111111111")))
                .willReturn(aResponse().withStatus(500)));
        server.stubFor(post(urlEqualTo("/api/face/verify")).withRequestBody(matchingJsonPath("$.nik", equalTo("2222222222222222")))
                .willReturn(aResponse().withStatus(200).withBody("{\"score\": 7}")));
        server.stubFor(post(urlEqualTo("/api/face/verify")).withRequestBody(matchingJsonPath("$.nik", equalTo("3333333333333333")))
                .willReturn(aResponse().withStatus(200).withFixedDelay(6000).withBody("{\"score\": 0.9}")));
        for (String nik : new String[] {"1111111111111111", "2222222222222222", "3333333333333333"}) {
            assertThatThrownBy(() -> faces().verify(nik, "image/png", new byte[] {1})).isInstanceOf(FaceVerification.Unavailable.class);
        }
    }

    @Test
    void siasnLookups_foundMissingAndDown() {
        HttpSiasnDirectory siasn = new HttpSiasnDirectory(URI.create(server.baseUrl()), null, Duration.ofSeconds(3));
        server.stubFor(get(urlEqualTo("/api/pegawai/198503152010011001")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"nip\":\"198503152010011001\",\"unitOrganisasi\":\"Dinas Kominfo\",\"jabatan\":\"Pranata\",\"provinsi\":\"Jawa Timur\"}}")));
        server.stubFor(get(urlEqualTo("/api/pegawai/12345678")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlEqualTo("/api/pegawai/87654321")).willReturn(aResponse().withStatus(503)));
        assertThat(siasn.find("198503152010011001")).hasValueSatisfying(r -> assertThat(r.unitOrganisasi()).isEqualTo("Dinas Kominfo"));
        assertThat(siasn.find("12345678")).isEmpty();
        assertThatThrownBy(() -> siasn.find("87654321")).isInstanceOf(EmployeeDirectory.DirectoryUnavailable.class);
    }

    @Test
    void csvSiasn_readsTheDemoExport() {
        CsvSiasnDirectory csv = new CsvSiasnDirectory(Path.of("../demo/pegawai-demo.csv"));
        assertThat(csv.find("198503152010011001")).hasValueSatisfying(r ->
                assertThat(r.unitOrganisasi()).isEqualTo("Dinas Komunikasi, Informatika dan Statistik"));
        assertThat(csv.find("199912312020121001")).isEmpty();
    }
}
