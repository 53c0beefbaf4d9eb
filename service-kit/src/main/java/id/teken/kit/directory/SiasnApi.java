package id.teken.kit.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A SIASN-style HTTP API as every service asks it: {@code GET {base}/api/pegawai/{nip}} with an optional bearer key,
 * the employee as JSON (bare or wrapped in {@code data}) whose {@code nip} must be the one asked for. 404 is "no such
 * employee"; anything else (timeout, 5xx, an unreadable body, another NIP) is {@link Unavailable}, never "not found".
 * Answers come back as the trimmed text of each field; each service turns them into its own types.
 */
public final class SiasnApi {

    /** SIASN could not be asked or gave no usable answer. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** One employee's fields as text ("" when absent). */
    public record Answer(Map<String, String> fields) {
        public String get(String field) {
            return fields.getOrDefault(field, "");
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public SiasnApi(URI base, String apiKey, Duration timeout) {
        this.base = base;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Optional<Answer> employee(String nip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/pegawai/" + nip)).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable("SIASN unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("SIASN answered HTTP " + response.statusCode());
        }
        JsonNode employee;
        try {
            JsonNode root = json.readTree(response.body());
            employee = root.hasNonNull("data") ? root.get("data") : root;
        } catch (IOException e) {
            throw new Unavailable("SIASN answer unreadable: " + e.getClass().getSimpleName());
        }
        if (employee == null || !employee.isObject()) {
            throw new Unavailable("SIASN answer unreadable: not an object");
        }
        Map<String, String> fields = new java.util.HashMap<>();
        employee.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText().trim()));
        if (!nip.equals(fields.getOrDefault("nip", ""))) {
            throw new Unavailable("SIASN answered for another NIP");
        }
        return Optional.of(new Answer(Map.copyOf(fields)));
    }
}
