package id.teken.e2e;

import com.sun.net.httpserver.HttpServer;
import id.teken.devstack.DevStack;
import id.teken.devstack.MailInbox;
import id.teken.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey across the five real services, through the gateway, against real PostgreSQL, Kafka and SMTP
 * (devstack), reading the mails to follow the links: demo/demo.sh drives it. Mid-journey faults, injected at the
 * demo's hook points:
 * <ul>
 *   <li>before the registration, activation-service is killed (SIGKILL) and restarted after it: the registration
 *   event waits in Kafka;</li>
 *   <li>just before the verifier's approval, Kafka is stopped (back after 8 s), certificate-service is killed (back
 *   after 10 s) and the mail server is stopped (back after 25 s): the approval waits in activation-service's outbox, the
 *   activation.completed event in Kafka, the certificate mails in certificate-service's mail outbox;</li>
 *   <li>before the first signature, PostgreSQL is restarted (3 s down, every pooled connection cut) and signing-service
 *   is killed and restarted.</li>
 * </ul>
 * The journey must complete, and every event and mail must exist exactly once. All services log JSON
 * (TEKEN_LOG_JSON=true); the logs must be JSON, carry the request ids, and hold no password, passphrase or link token.
 */
class JourneyWithFaultsTest {

    static final List<String> SERVICES = List.of("registration-service", "activation-service", "certificate-service",
            "signing-service", "api-gateway");

    static Path root;
    static Path work;
    static DevStack stack;
    static final Map<String, Integer> ports = new LinkedHashMap<>();
    static final Map<String, Map<String, String>> environments = new HashMap<>();
    static final Map<String, Process> processes = new HashMap<>();
    static HttpServer control;
    static final List<String> hookLog = new ArrayList<>();
    /** Activation-link mails for the walked ASN received before the mail server was restarted (it forgets them). */
    static volatile long activationMailsBeforeMailRestart = -1;
    static String certificateDb;

    @BeforeAll
    static void startEverything() throws Exception {
        root = Path.of(System.getProperty("teken.root", "..")).toAbsolutePath().normalize();
        for (String s : SERVICES) {
            assertThat(root.resolve(s + "/target/quarkus-app/quarkus-run.jar")).as("packaged " + s).exists();
        }
        work = Files.createTempDirectory("teken-e2e-");
        stack = DevStack.shared();
        for (String s : SERVICES) {
            ports.put(s, freePort());
        }
        String gateway = "http://127.0.0.1:" + ports.get("api-gateway");
        Map<String, String> common = new HashMap<>();
        common.put("TEKEN_BIND_HOST", "127.0.0.1");
        common.put("TEKEN_GATEWAY_HOST", "127.0.0.1");
        common.put("TEKEN_DB_USER", stack.databaseUser());
        common.put("TEKEN_DB_PASSWORD", stack.databasePassword());
        common.put("TEKEN_KAFKA_BOOTSTRAP", stack.kafkaBootstrapServers());
        common.put("TEKEN_SMTP_HOST", "127.0.0.1");
        common.put("TEKEN_SMTP_PORT", String.valueOf(stack.smtpPort()));
        common.put("TEKEN_PUBLIC_URL", gateway);
        common.put("TEKEN_JWT_PUBLIC_KEY", stack.jwtPublicKey().toString());
        common.put("TEKEN_REGISTRATION_URL", "http://127.0.0.1:" + ports.get("registration-service"));
        common.put("TEKEN_ACTIVATION_URL", "http://127.0.0.1:" + ports.get("activation-service"));
        common.put("TEKEN_CERTIFICATE_URL", "http://127.0.0.1:" + ports.get("certificate-service"));
        common.put("TEKEN_SIGNING_URL", "http://127.0.0.1:" + ports.get("signing-service"));
        common.put("TEKEN_REGISTRATION_PORT", String.valueOf(ports.get("registration-service")));
        common.put("TEKEN_ACTIVATION_PORT", String.valueOf(ports.get("activation-service")));
        common.put("TEKEN_CERTIFICATE_PORT", String.valueOf(ports.get("certificate-service")));
        common.put("TEKEN_SIGNING_PORT", String.valueOf(ports.get("signing-service")));
        common.put("TEKEN_GATEWAY_PORT", String.valueOf(ports.get("api-gateway")));
        common.put("TEKEN_LOG_JSON", "true");
        common.put("TEKEN_DIRECTORY_CSV", root.resolve("demo/pegawai-demo.csv").toString());
        common.put("TEKEN_RATE_LIMIT_PER_IP", "0");
        common.put("TEKEN_RATE_LIMIT_PER_CLIENT", "0");
        String internalToken = random(32);

        env("registration-service", common, Map.of("TEKEN_REGISTRATION_DB_URL", stack.newDatabase("e2e_registration"),
                "TEKEN_JWT_PRIVATE_KEY", stack.jwtPrivateKey().toString(), "TEKEN_VERIFIERS", "197812012005041003",
                "TEKEN_ADMINS", "198802292012052004", "TEKEN_INTERNAL_TOKEN", internalToken));
        env("activation-service", common, Map.of("TEKEN_ACTIVATION_DB_URL", stack.newDatabase("e2e_activation"),
                "TEKEN_SELFIE_KEY", Base64.getEncoder().encodeToString(bytes(32))));
        certificateDb = stack.newDatabase("e2e_certificate");
        env("certificate-service", common, Map.of("TEKEN_CERTIFICATE_DB_URL", certificateDb,
                "TEKEN_CA_KEYSTORE", work.resolve("ca/teken-ca.p12").toString(), "TEKEN_CA_KEYSTORE_PASSWORD", random(24),
                "TEKEN_MASTER_KEY", Base64.getEncoder().encodeToString(bytes(32)), "TEKEN_INTERNAL_TOKEN", internalToken));
        env("signing-service", common, Map.of("TEKEN_SIGNING_DB_URL", stack.newDatabase("e2e_signing"),
                "TEKEN_INTERNAL_TOKEN", internalToken, "TEKEN_TSA_URL", "http://127.0.0.1:" + ports.get("certificate-service") + "/pki/tsa"));
        env("api-gateway", common, Map.of("TEKEN_INTERNAL_TOKEN", internalToken));
        Files.createDirectories(work.resolve("ca"));
        Files.createDirectories(work.resolve("logs"));
        for (String s : SERVICES) {
            start(s);
        }
        for (String s : SERVICES) {
            awaitReady(s, Duration.ofSeconds(180));
        }
        startControlServer();
    }

    @AfterAll
    static void stopEverything() {
        if (control != null) {
            control.stop(0);
        }
        processes.values().forEach(p -> {
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void theWholeJourney_survivesAKilledServiceAndAStoppedKafka_withNothingLostOrDuplicated() throws Exception {
        Path out = work.resolve("demo");
        Path hook = work.resolve("hook.sh");
        Files.writeString(hook, "#!/bin/sh\nexec curl -fsS -o /dev/null --max-time 200 \"http://127.0.0.1:" + control.getAddress().getPort() + "/hook/$1?dinas=$2\"\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder demo = new ProcessBuilder("bash", root.resolve("demo/demo.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("logs/demo.log").toFile());
        demo.environment().put("TEKEN_URL", "http://127.0.0.1:" + ports.get("api-gateway"));
        demo.environment().put("TEKEN_MAIL_API", stack.mailApiUrl());
        demo.environment().put("TEKEN_DEMO_OUT", out.toString());
        demo.environment().put("TEKEN_DEMO_HOOK", hook.toString());
        demo.environment().put("TEKEN_DEMO_WAIT", "150");
        Process run = demo.start();
        boolean finished = run.waitFor(15, TimeUnit.MINUTES);
        String log = Files.readString(work.resolve("logs/demo.log"));
        System.out.println(log);
        assertThat(finished).as("demo finished").isTrue();
        assertThat(run.exitValue()).as("demo exit code; log:\n" + log + "\nservice logs in " + work.resolve("logs")).isZero();
        assertThat(log).contains("DEMO PASSED");
        assertThat(hookLog).containsExactly("before-registration", "after-registration", "before-approval", "before-signing");

        Properties signer = new Properties();
        try (var in = Files.newBufferedReader(out.resolve("signer.env"))) {
            signer.load(in);
        }
        String nip = signer.getProperty("NIP");
        String dinas = signer.getProperty("DINAS");

        // Mails: one activation link (received before the mail server's restart), one set-passphrase and one reset link
        // (sent after it, from the mail outbox) for this person; nothing sent twice.
        List<MailInbox.Message> mails = new MailInbox(stack.mailApiUrl()).messages(dinas);
        assertThat(activationMailsBeforeMailRestart).isEqualTo(1);
        assertThat(mails.stream().filter(m -> m.link("/aktivasi/").isPresent()).count()).isZero();
        assertThat(mails.stream().filter(m -> m.link("/passphrase/").isPresent()).count()).isEqualTo(2);
        // certificate-service's mails were tried while the mail server was down, kept, and sent when it was back; their
        // bodies (with the one-time links) are gone from the database.
        try (var c = java.sql.DriverManager.getConnection(certificateDb, stack.databaseUser(), stack.databasePassword());
             var q = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE attempts > 1), count(*) FILTER (WHERE sent_at IS NULL), "
                     + "count(*) FILTER (WHERE text_body IS NOT NULL OR html_body IS NOT NULL) FROM teken_mail_outbox WHERE recipient = ?")) {
            q.setString(1, dinas);
            try (var r = q.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).as("certificate mails to the Email Dinas").isGreaterThanOrEqualTo(4);
                assertThat(r.getInt(2)).as("mails sent only on a later attempt").isPositive();
                assertThat(r.getInt(3)).as("mails still unsent").isZero();
                assertThat(r.getInt(4)).as("mail bodies kept after sending").isZero();
            }
        }
        List<String> linkTokens = mails.stream().flatMap(m -> m.link("/passphrase/").stream())
                .map(l -> l.substring(l.lastIndexOf('/') + 1)).toList();

        // Events: each exactly once, across the service restart and the Kafka outage.
        String bootstrap = stack.kafkaBootstrapServers();
        assertThat(exactly(bootstrap, "teken.registration.submitted.v1", nip, 1)).hasSize(1);
        assertThat(exactly(bootstrap, "teken.activation.completed.v1", nip, 1)).hasSize(1);
        assertThat(exactly(bootstrap, "teken.certificate.issued.v1", nip, 2)).hasSize(2);
        List<ConsumerRecord<String, String>> signed = exactly(bootstrap, "teken.document.signed.v1", nip, 4);
        assertThat(signed).hasSize(4);
        assertThat(signed.stream().filter(r -> r.value().contains("\"outcome\":\"SIGNED\"")).count()).isEqualTo(3);
        assertThat(signed.stream().filter(r -> r.value().contains("\"failureCode\":\"PASSPHRASE_WRONG\"")).count()).isEqualTo(1);

        // JSON logs: every log record of every service is one JSON object; requests' ids are in them (mdc); no secret is.
        List<String> secrets = new ArrayList<>(List.of("Kebun-Teh.Lawu#4821", "Gunung#Wilis-4821", "Telaga#Sarangan-77",
                "Salah#Sekali9"));
        secrets.addAll(linkTokens);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int correlatedRecords = 0;
        for (String service : SERVICES) {
            List<String> lines = Files.readAllLines(work.resolve("logs/" + service + ".log"));
            int records = 0;
            for (String line : lines) {
                assertThat(line).as(service + " log line in the text format").doesNotContainPattern("^\\d\\d:\\d\\d:\\d\\d (INFO|WARN|ERROR|DEBUG) ");
                for (String secret : secrets) {
                    assertThat(line).as(service + " log holds a secret").doesNotContain(secret);
                }
                if (line.startsWith("{")) {
                    var record = json.readTree(line);
                    assertThat(record.has("level") && record.has("message") && record.has("timestamp")).as(line).isTrue();
                    records++;
                    if (record.path("mdc").hasNonNull("correlationId")) {
                        correlatedRecords++;
                    }
                }
            }
            assertThat(records).as(service + " JSON log records").isPositive();
        }
        // E.g. the mail relay's retries during the mail server's outage name the request that queued the mail.
        assertThat(correlatedRecords).as("log records with a correlationId").isPositive();
    }

    /** All records of the topic about this NIP, read for a while longer than needed so that extra ones would show. */
    static List<ConsumerRecord<String, String>> exactly(String bootstrap, String topic, String nip, int expected) {
        return TopicReader.await(bootstrap, topic, r -> r.value().contains("\"nip\":\"" + nip + "\""), expected + 1, Duration.ofSeconds(8));
    }

    // ------------------------------------------------------------------ faults at the demo's hook points

    static void startControlServer() throws IOException {
        control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/hook/", exchange -> {
            String stage = exchange.getRequestURI().getPath().substring("/hook/".length());
            int status = 200;
            try {
                synchronized (hookLog) {
                    hookLog.add(stage);
                }
                switch (stage) {
                    case "before-registration" -> kill("activation-service");
                    case "after-registration" -> {
                        Thread.sleep(3000);   // the registration event waits in Kafka meanwhile
                        start("activation-service");
                        awaitReady("activation-service", Duration.ofSeconds(180));
                    }
                    case "before-approval" -> {
                        String dinas = query(exchange.getRequestURI(), "dinas");
                        activationMailsBeforeMailRestart = new MailInbox(stack.mailApiUrl()).messages(dinas).stream()
                                .filter(m -> m.link("/aktivasi/").isPresent()).count();
                        stack.stopKafka();
                        kill("certificate-service");
                        stack.stopMail();
                        CompletableFuture.runAsync(() -> {
                            try {
                                Thread.sleep(8000);
                                stack.startKafka();
                                Thread.sleep(2000);
                                start("certificate-service");
                                // The mail server comes back only once certificate-service has tried to send its mails
                                // (after its consumer group rebalanced) and failed: the retry is what is under test.
                                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                                while (failedMailAttempts(dinas) == 0 && System.nanoTime() < deadline) {
                                    Thread.sleep(500);
                                }
                                stack.startMail();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                    }
                    case "before-signing" -> {
                        if (stack.ownsPostgres()) {
                            stack.restartPostgres(Duration.ofSeconds(3));
                        }
                        kill("signing-service");
                        start("signing-service");
                        awaitReady("signing-service", Duration.ofSeconds(180));
                    }
                    default -> status = 404;
                }
            } catch (Exception e) {
                e.printStackTrace();
                status = 500;
            }
            byte[] body = (stage + " " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        control.start();
    }

    /** Failed send attempts recorded in certificate-service's mail outbox for mails to this address. */
    static int failedMailAttempts(String address) {
        try (var c = java.sql.DriverManager.getConnection(certificateDb, stack.databaseUser(), stack.databasePassword());
             var q = c.prepareStatement("SELECT coalesce(sum(attempts), 0) FROM teken_mail_outbox WHERE recipient = ? AND last_error IS NOT NULL")) {
            q.setString(1, address);
            try (var r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            return 0;   // not migrated yet, or PostgreSQL away: ask again
        }
    }

    static String query(URI uri, String name) {
        String q = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    // ------------------------------------------------------------------ processes

    static void env(String service, Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new HashMap<>(common);
        all.putAll(own);
        environments.put(service, all);
    }

    static void start(String service) throws IOException {
        String heap = service.equals("signing-service") ? "-Xmx768m" : "-Xmx256m";
        ProcessBuilder pb = new ProcessBuilder("java", heap, "-XX:+UseSerialGC", "-jar",
                root.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString())
                .directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("logs/" + service + ".log").toFile()));
        pb.environment().putAll(environments.get(service));
        processes.put(service, pb.start());
    }

    static void kill(String service) throws InterruptedException {
        Process p = processes.get(service);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    static void awaitReady(String service, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + ports.get(service) + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(service).isAlive()) {
                throw new AssertionError(service + " exited; see " + work.resolve("logs/" + service + ".log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service + " not ready within " + timeout + "; see " + work.resolve("logs/" + service + ".log"));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static String random(int n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(n));
    }
}
