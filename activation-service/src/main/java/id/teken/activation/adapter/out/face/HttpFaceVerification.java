package id.teken.activation.adapter.out.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.teken.activation.application.port.out.FaceVerification;
import id.teken.activation.domain.FaceResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A biometric matching API: {@code POST {base}/api/face/verify} with {@code {nik, image (base64),
 * contentType}} and a bearer key, answering {@code {score: 0..1}}. At or above the threshold is a match,
 * below is a mismatch for a verifier to look at; no answer is "unavailable".
 */
public class HttpFaceVerification implements FaceVerification {

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final double threshold;
    private final ObjectMapper json = new ObjectMapper();

    public HttpFaceVerification(URI base, String apiKey, Duration timeout, double threshold) {
        this.base = base;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.threshold = threshold;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public FaceResult verify(String nik, String contentType, byte[] selfie) {
        try {
            byte[] body = json.writeValueAsBytes(Map.of("nik", nik, "contentType", contentType,
                    "image", Base64.getEncoder().encodeToString(selfie)));
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/face/verify")).timeout(timeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (apiKey != null && !apiKey.isBlank()) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Unavailable("face matching answered HTTP " + response.statusCode());
            }
            JsonNode score = json.readTree(response.body()).get("score");
            if (score == null || !score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1) {
                throw new Unavailable("face matching answer has no score between 0 and 1");
            }
            double s = score.asDouble();
            return new FaceResult(s >= threshold ? FaceResult.Outcome.MATCH : FaceResult.Outcome.NO_MATCH, s);
        } catch (IOException e) {
            throw new Unavailable("face matching unreachable or unreadable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }
}
