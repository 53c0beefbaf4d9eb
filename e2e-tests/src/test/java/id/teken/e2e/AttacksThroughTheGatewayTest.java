package id.teken.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.teken.devstack.MailInbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11's attacks on the packaged stack, through the public gateway only, after the whole journey (demo/demo.sh):
 * no link token on any metrics page a user can reach, 12 parallel wrong passphrases lock the credential, a reset link
 * mailed before a suspension is refused, 40 parallel anonymous logins give no 5xx and the real user still logs in from the
 * same address within a minute, and the /api/v1 refusals are problem+json.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttacksThroughTheGatewayTest {

    static final Pattern TOKEN = Pattern.compile("/(aktivasi|passphrase|lupa-password)/([A-Za-z0-9_-]{43})");
    static final ObjectMapper JSON = new ObjectMapper();

    static PackagedStack services;
    static Properties signer;
    static HttpClient http;
    static String g;
    static MailInbox mail;

    @BeforeAll
    static void walkTheJourney() throws Exception {
        services = PackagedStack.start("attack", Map.of());
        g = services.gateway();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        mail = new MailInbox(services.stack.mailApiUrl());
        Path out = services.work.resolve("demo");
        ProcessBuilder demo = new ProcessBuilder("bash", services.root.resolve("demo/demo.sh").toString())
                .directory(services.root.toFile()).redirectErrorStream(true)
                .redirectOutput(services.work.resolve("logs/demo.log").toFile());
        demo.environment().put("TEKEN_URL", g);
        demo.environment().put("TEKEN_MAIL_API", services.stack.mailApiUrl());
        demo.environment().put("TEKEN_DEMO_OUT", out.toString());
        demo.environment().put("TEKEN_DEMO_WAIT", "120");
        // Not the ASN the journey test walks: both runs share the broker and the mail server.
        demo.environment().put("TEKEN_DEMO_NIP", "199007222015032002");
        Process run = demo.start();
        assertThat(run.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(services.work.resolve("logs/demo.log"));
        assertThat(run.exitValue()).as(log).isZero();
        signer = new Properties();
        try (var in = Files.newBufferedReader(out.resolve("signer.env"))) {
            signer.load(in);
        }
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.stop();
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static HttpResponse<String> postJson(String path, String bearer, Map<String, Object> body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(g + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        return send(r);
    }

    static String login(String nip, String password) throws Exception {
        HttpResponse<String> r = postJson("/api/v1/auth/login", null, Map.of("nip", nip, "password", password));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("accessToken").asText();
    }

    /** A multipart POST /api/v1/signatures of the demo letter with this passphrase. */
    static HttpResponse<String> sign(String bearer, String passphrase) throws Exception {
        String boundary = "teken" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"surat.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(services.root.resolve("demo/surat-demo.pdf")));
        body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"passphrase\"\r\n\r\n" + passphrase
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(g + "/api/v1/signatures")).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Every link token ever mailed in this run (to every address the demo used). */
    static Set<String> mailedTokens() throws Exception {
        Set<String> tokens = new java.util.HashSet<>();
        for (String address : List.of(signer.getProperty("DINAS"), "budi.santoso@example.com", "siti.rahayu@example.com",
                "dewi.lestari@example.com", "andi.wijaya@example.com", "agus.prasetyo@example.com", "rina.wulandari@example.com")) {
            for (MailInbox.Message m : mail.messages(address)) {
                Matcher matcher = TOKEN.matcher(m.raw());
                while (matcher.find()) {
                    tokens.add(matcher.group(2));
                }
            }
        }
        return tokens;
    }

    @Test
    @Order(1)
    void noMetricsPageAUserCanReach_holdsALinkToken() throws Exception {
        Set<String> tokens = mailedTokens();
        assertThat(tokens).as("the journey mailed links").hasSizeGreaterThanOrEqualTo(3);
        // The public port: nothing of /q at all.
        for (String q : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui", "/q/dev-ui")) {
            HttpResponse<String> r = get(g + q);
            assertThat(r.statusCode()).as(q).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        // Every management port (internal only) labels routes by template: no token there either.
        for (String service : PackagedStack.SERVICES) {
            String metrics = get(services.management(service) + "/q/metrics").body();
            assertThat(metrics).as(service).contains("http_server_requests_seconds");
            for (String token : tokens) {
                assertThat(metrics).as(service + " metrics hold a mailed link token").doesNotContain(token);
            }
        }
    }

    @Test
    @Order(2)
    void twelveParallelWrongPassphrases_lockTheCredential_andTheRightOneIsRefusedAfter() throws Exception {
        String token = login(signer.getProperty("NIP"), signer.getProperty("PASSWORD"));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "Tebak#Salah-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return sign(token, guess);
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<HttpResponse<String>> f : answers) {
            HttpResponse<String> r = f.get();
            codes.add(r.statusCode());
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        pool.shutdown();
        assertThat(codes).as(codes.toString()).allMatch(c -> c == 400 || c == 423 || c == 429);
        assertThat(codes.stream().filter(c -> c == 400).count()).as("guesses answered 'wrong': " + codes).isLessThanOrEqualTo(4);
        HttpResponse<String> right = sign(token, signer.getProperty("PASSPHRASE"));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(423);
        assertThat(JSON.readTree(right.body()).path("code").asText()).isEqualTo("CREDENTIAL_LOCKED");
    }

    @Test
    @Order(3)
    void aResetLinkMailedBeforeASuspension_isRefused() throws Exception {
        String token = login(signer.getProperty("NIP"), signer.getProperty("PASSWORD"));
        String dinas = signer.getProperty("DINAS");
        int before = mail.messages(dinas).size();
        assertThat(postJson("/api/v1/me/certificate/passphrase-reset", token, Map.of()).statusCode()).isEqualTo(202);
        String link = mail.await(dinas, before + 1, Duration.ofSeconds(60)).stream().skip(before)
                .flatMap(m -> m.link("/passphrase/").stream()).findFirst().orElseThrow();
        String serial = JSON.readTree(send(HttpRequest.newBuilder(URI.create(g + "/api/v1/me/certificate"))
                .header("Authorization", "Bearer " + token).GET()).body()).path("serialNumber").asText();
        String verifier = login(PackagedStack.VERIFIER, signer.getProperty("PASSWORD"));
        HttpResponse<String> suspended = postJson("/api/v1/verifier/certificates/" + serial + "/suspend", verifier,
                Map.of("alasan", "dugaan penyalahgunaan"));
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        HttpResponse<String> used = postJson("/api/v1/passphrase-links/" + link.substring(link.lastIndexOf('/') + 1), null,
                Map.of("passphrase", "Kunci#Baru-2026x", "setujuPerjanjianPemilik", true));
        assertThat(used.statusCode()).as(used.body()).isEqualTo(410);
        Instant deadline = Instant.now().plusSeconds(30);
        String status;
        do {
            status = JSON.readTree(send(HttpRequest.newBuilder(URI.create(g + "/api/v1/me/certificate"))
                    .header("Authorization", "Bearer " + token).GET()).body()).path("status").asText();
            Thread.sleep(300);
        } while (!status.equals("SUSPEND") && Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo("SUSPEND");
    }

    @Test
    @Order(4)
    void fortyParallelAnonymousLogins_giveNo5xx_andTheRealUserLogsInWithinAMinute() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String nip = "19991231202012" + String.format("%04d", 2000 + i);
            answers.add(pool.submit(() -> {
                start.await();
                return postJson("/api/v1/auth/login", null, Map.of("nip", nip, "password", "Tebak-Saja-1")).statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).as(codes.toString()).allMatch(c -> c < 500);
        Instant deadline = Instant.now().plusSeconds(60);
        HttpResponse<String> r;
        do {
            r = postJson("/api/v1/auth/login", null, Map.of("nip", signer.getProperty("NIP"), "password", signer.getProperty("PASSWORD")));
            if (r.statusCode() == 429) {
                Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
            }
        } while (r.statusCode() == 429 && Instant.now().isBefore(deadline));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (String service : PackagedStack.SERVICES) {
            assertThat(services.alive(service)).as(service + " still running").isTrue();
        }
    }

    /** Each internal call has its own token: the gateway's opens signing-service's check and nothing of the others. */
    @Test
    @Order(6)
    void theGatewaysInternalToken_opensNeitherSignHashNorTheSignerLookup() throws Exception {
        String gatewayToken = services.tokens.get("gateway-to-signing");
        HttpClient http = HttpClient.newBuilder().sslContext(services.internalTls()).connectTimeout(Duration.ofSeconds(5)).build();
        // Inside, the services answer HTTPS only (the passphrase in a sign-hash never crosses the network in clear).
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                services.url("certificate-service").replace("https://", "http://") + "/pki/ca")).GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
        HttpResponse<String> signHash = http.send(HttpRequest.newBuilder(URI.create(services.url("certificate-service")
                        + "/internal/v1/sign-hashes")).header("Authorization", "Bearer " + gatewayToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"nip\":\"" + signer.getProperty("NIP") + "\",\"passphrase\":\"x\",\"digestAlgorithm\":\"SHA256\",\"digests\":[\"AAAA\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signHash.statusCode()).as(signHash.body()).isEqualTo(401);
        HttpResponse<String> lookup = http.send(HttpRequest.newBuilder(URI.create(services.url("registration-service")
                + "/internal/v1/signers?nip=" + signer.getProperty("NIP"))).header("Authorization", "Bearer " + gatewayToken)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(401);
        // signing-service's own token for the lookup still works (the pair is intact)
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(services.url("registration-service")
                + "/internal/v1/signers?nip=" + signer.getProperty("NIP")))
                .header("Authorization", "Bearer " + services.tokens.get("signing-to-registration")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void everyApiV1Refusal_isProblemJson() throws Exception {
        List<HttpRequest.Builder> probes = new ArrayList<>();
        for (String path : List.of("/api/v1/me", "/api/v1/me/certificate", "/api/v1/verifier/activations", "/api/v1/verifier/certificates?nip=1",
                "/api/v1/admin/clients", "/api/v1/admin/clients/audit")) {
            probes.add(HttpRequest.newBuilder(URI.create(g + path)).header("Authorization", "Bearer eyJ.bukan.token").GET());
            probes.add(HttpRequest.newBuilder(URI.create(g + path)).GET());
        }
        probes.add(HttpRequest.newBuilder(URI.create(g + "/api/v1/auth/" + "x".repeat(6000))).GET());
        probes.add(HttpRequest.newBuilder(URI.create(g + "/api/v1/tidak-ada")).GET());
        probes.add(HttpRequest.newBuilder(URI.create(g + "/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{bukan json")));
        probes.add(HttpRequest.newBuilder(URI.create(g + "/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        probes.add(HttpRequest.newBuilder(URI.create(g + "/api/v1/passphrase-links/" + "A".repeat(43))).GET());
        probes.add(HttpRequest.newBuilder(URI.create(g + "/api/v1/activations/pendek")).GET());
        probes.add(HttpRequest.newBuilder(URI.create(g + "/api/v1/verifications")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("bukan pdf")));
        for (HttpRequest.Builder probe : probes) {
            HttpResponse<String> r = send(probe);
            String what = r.request().method() + " " + r.request().uri().getPath().substring(0, Math.min(60, r.request().uri().getPath().length()));
            assertThat(r.statusCode()).as(what).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what + " " + r.body()).contains("application/problem+json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("code").asText()).as(what).isNotBlank();
            if (r.statusCode() == 401) {
                assertThat(r.headers().firstValue("WWW-Authenticate")).as(what).isPresent();
            }
        }
    }
}
