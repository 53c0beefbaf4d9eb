package id.teken.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A Cloud Signature Consortium API v2 client that knows nothing of Teken but the base URL: JSON over the JDK's HttpClient,
 * the way an integrator's client calls /csc/v2.
 */
final class CscClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** An answer: its status and JSON body. */
    record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").asText(null);
        }
    }

    CscClient(String gateway) {
        this.base = gateway.replaceAll("/+$", "") + "/csc/v2/";
    }

    Answer call(String method, String bearer, Object body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + method)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        return answer(http.send(r.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer login(String user, String password) throws Exception {
        return answer(http.send(HttpRequest.newBuilder(URI.create(base + "auth/login")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> r) throws Exception {
        String text = r.body() == null || r.body().isBlank() ? "{}" : r.body();
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (Exception e) {
            body = JSON.createObjectNode().put("unparsed", text);
        }
        return new Answer(r.statusCode(), body);
    }
}
