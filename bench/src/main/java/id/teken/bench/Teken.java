package id.teken.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Teken through its public gateway, as an ASN's front end calls it: log in, sign, batch-sign, verify, read the profile. */
final class Teken {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final String nip;
    private final String password;
    final String passphrase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    private volatile String token;
    private volatile Instant tokenUntil = Instant.EPOCH;

    Teken(String gateway, String nip, String password, String passphrase) {
        this.gateway = gateway.replaceAll("/+$", "");
        this.nip = nip;
        this.password = password;
        this.passphrase = passphrase;
    }

    /** A valid bearer token (logs in again before the 15-minute one runs out). */
    synchronized String token() throws IOException, InterruptedException {
        if (token == null || Instant.now().isAfter(tokenUntil)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("nip", nip, "password", password)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login failed: HTTP " + r.statusCode() + " " + r.body());
            }
            token = JSON.readTree(r.body()).path("accessToken").asText();
            tokenUntil = Instant.now().plus(Duration.ofMinutes(10));
        }
        return token;
    }

    /** One answer: status, body, and how long it took. */
    record Answer(int status, byte[] body, long nanos, String timing, String documentId) {
        /** The names of the Server-Timing entries, in their order. */
        List<String> phases() {
            List<String> names = new ArrayList<>();
            if (timing != null) {
                for (String part : timing.split(",")) {
                    names.add(part.trim().split(";")[0].trim());
                }
            }
            return names;
        }

        /** A Server-Timing entry's duration in ms (for example "passphrase"), or -1. */
        double timing(String name) {
            if (timing == null) {
                return -1;
            }
            for (String part : timing.split(",")) {
                String[] bits = part.trim().split(";");
                if (bits[0].trim().equals(name)) {
                    for (String bit : bits) {
                        if (bit.trim().startsWith("dur=")) {
                            return Double.parseDouble(bit.trim().substring(4));
                        }
                    }
                }
            }
            return -1;
        }
    }

    Answer sign(byte[] pdf, String level) throws Exception {
        Multipart form = new Multipart().file("file", "dokumen.pdf", pdf).field("passphrase", passphrase);
        if (level != null) {
            form.field("level", level);
        }
        return post("/api/v1/signatures", form);
    }

    Answer signBatch(List<byte[]> pdfs) throws Exception {
        Multipart form = new Multipart();
        for (int i = 0; i < pdfs.size(); i++) {
            form.file("files", "dokumen-" + i + ".pdf", pdfs.get(i));
        }
        form.field("passphrase", passphrase);
        return post("/api/v1/signatures/batch", form);
    }

    Answer verify(byte[] pdf) throws Exception {
        return post("/api/v1/verifications", new Multipart().file("file", "dokumen.pdf", pdf), false);
    }

    Answer me() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/me")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return answer(r, t0);
    }

    /** GET of any URL (absolute, or a path on the gateway), with the bearer token when asked. */
    Answer get(String url, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : gateway + url))
                .timeout(Duration.ofSeconds(60)).GET();
        if (authenticated) {
            request.header("Authorization", "Bearer " + token());
        }
        long t0 = System.nanoTime();
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()), t0);
    }

    private static Answer answer(HttpResponse<byte[]> r, long t0) {
        long nanos = System.nanoTime() - t0;
        return new Answer(r.statusCode(), r.body(), nanos, r.headers().firstValue("Server-Timing").orElse(null),
                r.headers().firstValue("X-Document-Id").orElse(null));
    }

    private Answer post(String path, Multipart form) throws Exception {
        return post(path, form, true);
    }

    private Answer post(String path, Multipart form, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        String auth = authenticated ? "Bearer " + token() : null;
        if (auth != null) {
            request.header("Authorization", auth);
        }
        long t0 = System.nanoTime();
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()), t0);
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        final String boundary = "teken-bench-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart file(String name, String fileName, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
