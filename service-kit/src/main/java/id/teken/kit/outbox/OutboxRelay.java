package id.teken.kit.outbox;

import id.teken.kit.kafka.KafkaConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in creation order and marks them published. Rows are
 * claimed with FOR UPDATE SKIP LOCKED so several instances of a service can relay side by side; a
 * row whose send fails stays pending and is retried, so Kafka may be down for any length of time.
 * A crash between send and mark publishes a row twice, which the idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay extends BackgroundRelay {

    @Inject
    OutboxSettings settings;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    KafkaConnection kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    private KafkaProducer<String, byte[]> producer;
    private Instant nextCleanup = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        if (settings.enabled()) {
            startWorker("teken-outbox-relay", settings.batchSize(), settings.pollInterval());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopWorker(5000);
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    protected int round() {
        int handled = relayBatch();
        cleanupIfDue();
        return handled;
    }

    /** Publishes one batch of pending rows; returns how many were published. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT id, topic, record_key, event_type, body, correlation_id FROM teken_outbox
                            WHERE published_at IS NULL ORDER BY created_at, id
                            LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, settings.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            KafkaProducer<String, byte[]> kafka = producer();
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) row[1], (String) row[2],
                        ((String) row[4]).getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventId", row[0].toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventType", ((String) row[3]).getBytes(StandardCharsets.UTF_8));
                if (row[5] != null) {
                    record.headers().add("correlationId", ((String) row[5]).getBytes(StandardCharsets.UTF_8));
                }
                sends.add(kafka.send(record));
            }
            kafka.flush();
            List<UUID> done = new ArrayList<>();
            String failure = null;
            for (int i = 0; i < rows.size(); i++) {
                try {
                    sends.get(i).get(30, TimeUnit.SECONDS);
                    done.add((UUID) rows.get(i)[0]);
                } catch (Exception e) {
                    failure = rootMessage(e);
                    // Later rows may share a key with this one; keep their order by stopping here.
                    break;
                }
            }
            if (!done.isEmpty()) {
                entityManager.createNativeQuery("UPDATE teken_outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY(?1)")
                        .setParameter(1, done.toArray(new UUID[0]))
                        .executeUpdate();
                meters.counter("teken_outbox_published_total").increment(done.size());
                // The journey's business counters: one per published event type (registration.submitted,
                // activation.completed, certificate.issued, certificate.revoked, document.signed, ...).
                for (int i = 0; i < done.size(); i++) {
                    meters.counter("teken_events_published_total", "type", (String) rows.get(i)[3]).increment();
                }
            }
            if (failure != null) {
                throw new IllegalStateException("Kafka send failed: " + failure);
            }
            return done.size();
        });
    }

    private void cleanupIfDue() {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plus(Duration.ofHours(1));
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM teken_outbox WHERE published_at < ?1")
                .setParameter(1, java.sql.Timestamp.from(Instant.now().minus(settings.retention())))
                .executeUpdate());
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = kafka.properties();
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "teken-outbox-" + UUID.randomUUID());
            producer = new KafkaProducer<>(props, new StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer());
        }
        return producer;
    }
}
