package id.teken.devstack;

import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), from the Maven Central jars, secured as in
 * production: clients authenticate with SASL/SCRAM-SHA-512 (one user per service, see {@link KafkaUsers}) and the
 * standard authorizer refuses whatever {@link KafkaAccess} does not grant. The controller listener is plain TCP on loopback only (the broker's own, its principal a super user).
 * {@link #main} runs it in the foreground; {@link DevStack} and {@code ./teken} start it as a child JVM and wait for
 * {@link #READY} in its directory, written once the ACLs are in place.
 */
public final class KafkaBroker {

    public static final String READY = "access.ready";
    /** Storage formatted with the SCRAM users (older local data without them is formatted again). */
    private static final String SECURED = "scram.v1";

    private KafkaBroker() {
    }

    /** Arguments: data directory, client port, controller port, directory of the users' password files. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path usersDir = args.length > 3 ? Path.of(args[3]) : dir.resolve("users");
        Map<String, String> passwords = KafkaUsers.ensure(usersDir);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(READY));
        Path config = writeConfig(dir, port, controllerPort, passwords.get(KafkaAccess.BROKER));
        if (Files.exists(dir.resolve("logs").resolve("meta.properties")) && !Files.exists(dir.resolve(SECURED))) {
            System.out.println("Kafka: local data from before SASL/ACLs; formatting the storage again");
            deleteTree(dir.resolve("logs"));
        }
        if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(List.of("format", "-t", "dGVrZW4tZGV2c3RhY2stMQ", "-c", config.toString(),
                    "--ignore-formatted"));
            passwords.forEach((user, password) -> {
                format.add("--add-scram");
                format.add(KafkaUsers.MECHANISM + "=[name=" + user + ",password=" + password + "]");
            });
            int rc = kafka.tools.StorageTool.execute(format.toArray(new String[0]), new PrintStream(System.out, true));
            if (rc != 0) {
                System.err.println("Kafka storage format failed: " + rc);
                System.exit(rc);
            }
            Files.writeString(dir.resolve(SECURED), "SCRAM users and ACLs\n");
        }
        Thread access = new Thread(() -> grantAccess(dir, "127.0.0.1:" + port, passwords.get(KafkaAccess.ADMIN)),
                "teken-kafka-access");
        access.setDaemon(true);
        access.start();
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** Grants {@link KafkaAccess#acls()} (idempotent) as the operator, then writes {@link #READY}. */
    private static void grantAccess(Path dir, String bootstrap, String adminPassword) {
        // Not before the broker listens: an admin client started earlier re-bootstraps in a tight loop meanwhile.
        String[] hostPort = bootstrap.split(":");
        while (!listening(hostPort[0], Integer.parseInt(hostPort[1]))) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Properties props = KafkaUsers.client(bootstrap, KafkaAccess.ADMIN, adminPassword);
        props.put("reconnect.backoff.ms", "200");
        props.put("reconnect.backoff.max.ms", "2000");
        props.put("request.timeout.ms", "10000");
        props.put("default.api.timeout.ms", "60000");
        for (int attempt = 1; ; attempt++) {
            try (Admin admin = Admin.create(props)) {
                admin.createAcls(KafkaAccess.acls()).all().get(60, TimeUnit.SECONDS);
                Files.writeString(dir.resolve(READY), "ACLs in place\n");
                System.out.println("Kafka: ACLs in place");
                return;
            } catch (Exception e) {
                if (attempt >= 30) {
                    System.err.println("Kafka: could not grant the ACLs: " + e);
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean listening(String host, int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Path writeConfig(Path dir, int port, int controllerPort, String brokerPassword) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", KafkaUsers.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", KafkaUsers.MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", KafkaUsers.jaas(KafkaAccess.BROKER, brokerPassword));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // ANONYMOUS is the principal of the controller listener, which listens on loopback only.
        p.put("super.users", "User:" + KafkaAccess.BROKER + ";User:" + KafkaAccess.ADMIN + ";User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");   // only for a client granted CREATE on that topic
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "4194304");
        p.put("log.retention.hours", "168");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "Teken devstack Kafka (KRaft, single node, SASL/SCRAM and ACLs)");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
