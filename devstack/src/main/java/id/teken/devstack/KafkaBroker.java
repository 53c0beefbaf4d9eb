package id.teken.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), from the Maven Central jars.
 * {@link #main} runs it in the foreground; {@link DevStack} starts it as a child JVM.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    /** Arguments: data directory, client port, controller port. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path config = writeConfig(dir, port, controllerPort);
        if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
            int rc = kafka.tools.StorageTool.execute(new String[] {"format", "-t", "dGVrZW4tZGV2c3RhY2stMQ", "-c",
                    config.toString(), "--ignore-formatted"}, new PrintStream(System.out, true));
            if (rc != 0) {
                System.err.println("Kafka storage format failed: " + rc);
                System.exit(rc);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Path writeConfig(Path dir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
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
                p.store(out, "Teken devstack Kafka (KRaft, single node)");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
