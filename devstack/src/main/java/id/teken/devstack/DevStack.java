package id.teken.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real backing services for a test JVM: a private PostgreSQL cluster (or the server named by
 * TEKEN_DB_URL, with a fresh database per run), a Kafka broker and a GreenMail server in child JVMs, and a
 * JWT key pair. Started once per JVM on free ports and torn down (data deleted) when the JVM exits.
 */
public final class DevStack {

    private static DevStack shared;

    private final Path root;
    private final PostgresCluster postgres;
    private final ExternalDatabase external;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int smtpPort;
    private final int imapPort;
    private final int mailApiPort;
    private Process kafka;
    private Process mail;

    private DevStack(Path root) {
        this.root = root;
        this.external = ExternalDatabase.fromEnvironment();
        this.postgres = external == null ? new PostgresCluster(root.resolve("postgres"), Ports.free()) : null;
        this.kafkaPort = Ports.free();
        this.kafkaControllerPort = Ports.free();
        this.smtpPort = Ports.free();
        this.imapPort = Ports.free();
        this.mailApiPort = Ports.free();
    }

    /** The one stack of this JVM, started on first use. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("teken-devstack-");
                root.toFile().setExecutable(true, false);
                root.toFile().setReadable(true, false);
                DevStack stack = new DevStack(root);
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "teken-devstack-stop"));
                stack.start();
                shared = stack;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private void start() {
        JwtKeys.ensure(root.resolve("keys"));
        startKafka();
        startMail();
        if (postgres != null) {
            postgres.start();
        }
        awaitKafka();
        await("GreenMail SMTP", smtpPort, mail, root.resolve("mail.log"));
        await("GreenMail API", mailApiPort, mail, root.resolve("mail.log"));
    }

    /** Starts (or restarts, keeping its data) the Kafka broker; for fault tests too. */
    public synchronized void startKafka() {
        if (kafka != null && kafka.isAlive()) {
            return;
        }
        KafkaUsers.rememberAdmin(kafkaBootstrapServers(), kafkaPassword(KafkaAccess.ADMIN));
        kafka = ChildJvm.start(KafkaBroker.class, List.of(root.resolve("kafka").toString(), String.valueOf(kafkaPort),
                String.valueOf(kafkaControllerPort), kafkaUsers().toString()), root.resolve("kafka.log"), "512m");
        if (shared != null) {
            awaitKafka();
        }
    }

    /** The port open and the topics and ACLs in place. */
    private void awaitKafka() {
        await("Kafka", kafkaPort, kafka, root.resolve("kafka.log"));
        Path ready = root.resolve("kafka").resolve(KafkaBroker.READY);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(ready)) {
            if (!kafka.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not grant its topics and ACLs; see " + root.resolve("kafka.log"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Path kafkaUsers() {
        return root.resolve("keys").resolve("kafka");
    }

    /** The SCRAM password of a Kafka user of this stack ({@link KafkaAccess#users()}). */
    public String kafkaPassword(String user) {
        return KafkaUsers.ensure(kafkaUsers()).get(user);
    }

    /** The JAAS login of a service's own Kafka user (its application name). */
    public String kafkaJaas(String user) {
        return KafkaUsers.jaas(user, kafkaPassword(user));
    }

    /** Stops the Kafka broker (keeping its data); for fault tests. */
    public synchronized void stopKafka() {
        stopProcess(kafka);
    }

    /** Starts (or restarts) the mail server; a restarted GreenMail starts with empty mailboxes. For fault tests too. */
    public synchronized void startMail() {
        if (mail != null && mail.isAlive()) {
            return;
        }
        mail = ChildJvm.start(MailServer.class, List.of(String.valueOf(smtpPort), String.valueOf(imapPort),
                String.valueOf(mailApiPort)), root.resolve("mail.log"), "128m");
        if (shared != null) {
            await("GreenMail SMTP", smtpPort, mail, root.resolve("mail.log"));
            await("GreenMail API", mailApiPort, mail, root.resolve("mail.log"));
        }
    }

    /** Stops the mail server (SMTP refuses connections until {@link #startMail}); for fault tests. */
    public synchronized void stopMail() {
        stopProcess(mail);
    }

    /** Whether {@link #restartPostgres} can be used (the private cluster, not a database given by TEKEN_DB_URL). */
    public boolean ownsPostgres() {
        return postgres != null;
    }

    /** Stops the private PostgreSQL cluster (fast shutdown: open connections are cut), waits, and starts it again. */
    public synchronized void restartPostgres(Duration down) {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is external (TEKEN_DB_URL); it cannot be restarted here");
        }
        postgres.stop();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres.start();
    }

    /** Creates a fresh database named after the prefix and returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        if (external != null) {
            PostgresCluster.createDatabase(external.jdbcUrl("postgres"), external.user(), external.password(), name);
            return external.jdbcUrl(name);
        }
        PostgresCluster.createDatabase(postgres.jdbcUrl("postgres"), PostgresCluster.SUPERUSER, null, name);
        return postgres.jdbcUrl(name);
    }

    public String databaseUser() {
        return external != null ? external.user() : PostgresCluster.SUPERUSER;
    }

    public String databasePassword() {
        return external != null && external.password() != null ? external.password() : "";
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public String mailApiUrl() {
        return "http://127.0.0.1:" + mailApiPort;
    }

    public Path jwtPublicKey() {
        return JwtKeys.publicKey(root.resolve("keys"));
    }

    public Path jwtPrivateKey() {
        return JwtKeys.privateKey(root.resolve("keys"));
    }

    public Path root() {
        return root;
    }

    private void close() {
        stopProcess(kafka);
        stopProcess(mail);
        if (postgres != null) {
            try {
                postgres.stop();
            } catch (RuntimeException e) {
                System.err.println("devstack: " + e.getMessage());
            }
        }
        deleteTree(root);
    }

    private static void stopProcess(Process process) {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void await(String what, int port, Process process, Path log) {
        if (!Ports.awaitOpen(port, Duration.ofSeconds(90), process)) {
            String tail = "";
            try {
                List<String> lines = Files.readAllLines(log);
                tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            } catch (IOException ignored) {
                // no log yet
            }
            throw new IllegalStateException(what + " did not start on port " + port + "\n" + tail);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** A PostgreSQL server named by TEKEN_DB_URL, e.g. {@code postgresql://postgres@127.0.0.1:5432}. */
    record ExternalDatabase(String host, int port, String user, String password) {

        static ExternalDatabase fromEnvironment() {
            String url = System.getenv("TEKEN_DB_URL");
            if (url == null || url.isBlank()) {
                return null;
            }
            return parse(url);
        }

        static ExternalDatabase parse(String url) {
            URI uri = URI.create(url.replaceFirst("^jdbc:", "").replaceFirst("^postgres://", "postgresql://"));
            String user = "postgres";
            String password = null;
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : null;
            }
            return new ExternalDatabase(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password);
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }
}
