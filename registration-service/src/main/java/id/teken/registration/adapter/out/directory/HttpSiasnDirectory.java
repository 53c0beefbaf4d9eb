package id.teken.registration.adapter.out.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.EmploymentStatus;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A SIASN-style HTTP API: {@code GET {base}/api/pegawai/{nip}} with a bearer API key, answering the
 * employee as JSON (bare or wrapped in {@code data}); 404 means no such employee. Anything else (timeout,
 * 5xx, unreadable body) is "directory unavailable", never "not found".
 */
public class HttpSiasnDirectory implements EmployeeDirectory {

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public HttpSiasnDirectory(URI base, String apiKey, Duration timeout) {
        this.base = base;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<Employee> findByNip(Nip nip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/pegawai/" + nip.value()))
                .timeout(timeout).header("Accept", "application/json").GET();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DirectoryUnavailable("SIASN directory unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("interrupted");
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new DirectoryUnavailable("SIASN directory answered HTTP " + response.statusCode());
        }
        try {
            JsonNode root = json.readTree(response.body());
            JsonNode p = root.hasNonNull("data") ? root.get("data") : root;
            if (!nip.value().equals(text(p, "nip"))) {
                throw new DirectoryUnavailable("SIASN directory answered for another NIP");
            }
            String nik = text(p, "nik");
            String email = text(p, "email");
            return Optional.of(new Employee(nip,
                    nik.isBlank() ? Optional.empty() : Optional.of(new Nik(nik)),
                    text(p, "nama"),
                    EmploymentStatus.fromDirectory(text(p, "statusPegawai")),
                    text(p, "instansi"),
                    text(p, "unitOrganisasi"),
                    text(p, "jabatan"),
                    text(p, "provinsi"),
                    email.isBlank() ? Optional.empty() : Optional.of(new EmailAddress(email))));
        } catch (IOException | RuntimeException e) {
            if (e instanceof DirectoryUnavailable unavailable) {
                throw unavailable;
            }
            throw new DirectoryUnavailable("SIASN directory answer unreadable: " + e.getClass().getSimpleName());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().trim();
    }
}
