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

    static PackagedStack services;
    static DevStack stack;
    static Path work;
    static HttpServer control;
    static final List<String> hookLog = new ArrayList<>();
    /** Activation-link mails for the walked ASN received before the mail server was restarted (it forgets them). */
    static volatile long activationMailsBeforeMailRestart = -1;
    static String certificateDb;

    @BeforeAll
    static void startEverything() throws Exception {
        services = PackagedStack.start("e2e", Map.of());
        stack = services.stack;
        work = services.work;
        certificateDb = services.databases.get("certificate");
        startControlServer();
    }

    @AfterAll
    static void stopEverything() {
        if (control != null) {
            control.stop(0);
        }
        if (services != null) {
            services.stop();
        }
    }

    @Test
    void theWholeJourney_survivesAKilledServiceAndAStoppedKafka_withNothingLostOrDuplicated() throws Exception {
        Path out = work.resolve("demo");
        Path hook = work.resolve("hook.sh");
        Files.writeString(hook, "#!/bin/sh\nexec curl -fsS -o /dev/null --max-time 200 \"http://127.0.0.1:" + control.getAddress().getPort() + "/hook/$1?dinas=$2\"\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder demo = new ProcessBuilder("bash", services.root.resolve("demo/demo.sh").toString())
                .directory(services.root.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("logs/demo.log").toFile());
        demo.environment().put("TEKEN_URL", services.gateway());
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
        for (String service : PackagedStack.SERVICES) {
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
                    case "before-registration" -> services.kill("activation-service");
                    case "after-registration" -> {
                        Thread.sleep(3000);   // the registration event waits in Kafka meanwhile
                        services.start("activation-service");
                        services.awaitReady("activation-service", Duration.ofSeconds(180));
                    }
                    case "before-approval" -> {
                        String dinas = query(exchange.getRequestURI(), "dinas");
                        activationMailsBeforeMailRestart = new MailInbox(stack.mailApiUrl()).messages(dinas).stream()
                                .filter(m -> m.link("/aktivasi/").isPresent()).count();
                        stack.stopKafka();
                        services.kill("certificate-service");
                        stack.stopMail();
                        CompletableFuture.runAsync(() -> {
                            try {
                                Thread.sleep(8000);
                                stack.startKafka();
                                Thread.sleep(2000);
                                services.start("certificate-service");
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
                        services.kill("signing-service");
                        services.start("signing-service");
                        services.awaitReady("signing-service", Duration.ofSeconds(180));
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

}
