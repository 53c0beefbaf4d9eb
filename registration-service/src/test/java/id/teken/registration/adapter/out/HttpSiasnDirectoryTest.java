package id.teken.registration.adapter.out;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.teken.registration.adapter.out.directory.HttpSiasnDirectory;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.EmploymentStatus;
import id.teken.registration.domain.Nip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSiasnDirectoryTest {

    static WireMockServer siasn;
    static HttpSiasnDirectory directory;

    @BeforeAll
    static void start() {
        siasn = new WireMockServer(options().dynamicPort());
        siasn.start();
        // Generous enough for a loaded CI machine; the timeout case below waits longer still.
        directory = new HttpSiasnDirectory(URI.create(siasn.baseUrl()), "kunci-api", Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        siasn.stop();
    }

    @Test
    void employee_isReadFromAWrappedAnswer_withTheApiKey() {
        siasn.stubFor(get(urlEqualTo("/api/pegawai/198503152010011001")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"data": {"nip": "198503152010011001", "nik": "3502011503850001", "nama": "Budi Santoso",
                          "statusPegawai": "PNS", "instansi": "Pemerintah Kabupaten Ponorogo",
                          "unitOrganisasi": "Dinas Kominfo", "jabatan": "Pranata Komputer", "provinsi": "Jawa Timur",
                          "email": "budi@example.com", "extra": 1}}""")));
        Optional<Employee> employee = directory.findByNip(Nip.of("198503152010011001"));
        assertThat(employee).hasValueSatisfying(e -> {
            assertThat(e.nama()).isEqualTo("Budi Santoso");
            assertThat(e.status()).isEqualTo(EmploymentStatus.PNS);
            assertThat(e.nik()).isPresent();
            assertThat(e.emailSiasn()).hasValueSatisfying(m -> assertThat(m.value()).isEqualTo("budi@example.com"));
        });
        siasn.verify(getRequestedFor(urlEqualTo("/api/pegawai/198503152010011001"))
                .withHeader("Authorization", equalTo("Bearer kunci-api")));
    }

    @Test
    void notFound_isEmpty() {
        siasn.stubFor(get(urlEqualTo("/api/pegawai/199912312020121001")).willReturn(aResponse().withStatus(404)));
        assertThat(directory.findByNip(Nip.of("199912312020121001"))).isEmpty();
    }

    @Test
    void serverErrors_timeouts_andGarbage_areUnavailable_notNotFound() {
        siasn.stubFor(get(urlEqualTo("/api/pegawai/199007222015032002")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> directory.findByNip(Nip.of("199007222015032002")))
                .isInstanceOf(EmployeeDirectory.DirectoryUnavailable.class);
        siasn.stubFor(get(urlEqualTo("/api/pegawai/199511052022022001")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(6000).withBody("{}")));
        assertThatThrownBy(() -> directory.findByNip(Nip.of("199511052022022001")))
                .isInstanceOf(EmployeeDirectory.DirectoryUnavailable.class);
        siasn.stubFor(get(urlEqualTo("/api/pegawai/197812012005041003")).willReturn(aResponse().withStatus(200)
                .withBody("<html>maintenance</html>")));
        assertThatThrownBy(() -> directory.findByNip(Nip.of("197812012005041003")))
                .isInstanceOf(EmployeeDirectory.DirectoryUnavailable.class);
        siasn.stubFor(get(urlEqualTo("/api/pegawai/198802292012052004")).willReturn(aResponse().withStatus(200)
                .withBody("{\"nip\":\"199007222015032002\",\"nama\":\"Orang Lain\"}")));
        assertThatThrownBy(() -> directory.findByNip(Nip.of("198802292012052004")))
                .isInstanceOf(EmployeeDirectory.DirectoryUnavailable.class);
    }

    @Test
    void unreachableServer_isUnavailable() {
        HttpSiasnDirectory down = new HttpSiasnDirectory(URI.create("http://127.0.0.1:1"), null, Duration.ofMillis(500));
        assertThatThrownBy(() -> down.findByNip(Nip.of("198503152010011001")))
                .isInstanceOf(EmployeeDirectory.DirectoryUnavailable.class);
    }
}
