package id.teken.activation.adapter.out.siasn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.teken.activation.application.port.out.EmployeeDirectory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A SIASN-style API: {@code GET {base}/api/pegawai/{nipNrp}} with a bearer key; 404 = not found, any other
 * failure = unavailable (never "not found").
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
    public Optional<EmployeeRecord> find(String nipNrp) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/pegawai/" + nipNrp)).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new DirectoryUnavailable("SIASN answered HTTP " + response.statusCode());
            }
            JsonNode root = json.readTree(response.body());
            JsonNode p = root.hasNonNull("data") ? root.get("data") : root;
            String nip = p.path("nip").asText("");
            if (!nipNrp.equals(nip)) {
                throw new DirectoryUnavailable("SIASN answered for another NIP");
            }
            return Optional.of(new EmployeeRecord(nip, p.path("unitOrganisasi").asText(""), p.path("jabatan").asText(""),
                    p.path("provinsi").asText("")));
        } catch (IOException e) {
            throw new DirectoryUnavailable("SIASN unreachable or unreadable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("interrupted");
        }
    }
}
