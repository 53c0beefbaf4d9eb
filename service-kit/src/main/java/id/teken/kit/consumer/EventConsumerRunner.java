package id.teken.kit.consumer;

import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import id.teken.kit.kafka.KafkaConnection;
import id.teken.kit.outbox.Correlation;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs the service's {@link EventHandler}s on one Kafka consumer (group = the service). Each record is
 * applied in its own transaction together with a processed-event row, so a redelivered event is skipped.
 * Offsets are committed only after the records are applied (at least once + idempotent = exactly once
 * in effect). A database outage is waited out (the record is re-read, never skipped); a record that
 * fails for any other reason is retried a few times and then parked on the topic's dead-letter topic.
 */
@ApplicationScoped
public class EventConsumerRunner {

    @Inject
    MessagingSettings settings;

    private static final Logger LOG = Logger.getLogger(EventConsumerRunner.class);

    @Inject
    KafkaConnection kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /** The consumer group: the service's name unless configured otherwise. */
    private String consumerGroup;

    @Inject
    @Any
    Instance<EventHandler<?>> handlerBeans;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    private volatile boolean running;
    private Thread worker;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;

    void start(@Observes StartupEvent event) {
        consumerGroup = settings.consumerGroup().filter(g -> !g.isBlank()).orElse(applicationName);
        for (EventHandler<?> handler : handlerBeans) {
            handlers.put(handler.topic().name(), handler);
        }
        if (!settings.enabled() || handlers.isEmpty()) {
            return;
        }
        Properties props = kafka.properties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        worker = new Thread(this::loop, "teken-event-consumer");
        worker.setDaemon(true);
        worker.start();
        LOG.infof("Consuming %s as group %s", handlers.keySet(), consumerGroup);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(2));
        }
    }

    private void loop() {
        try {
            consumer.subscribe(List.copyOf(handlers.keySet()));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
                Set<TopicPartition> heldBack = new HashSet<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (heldBack.contains(partition)) {
                        continue;
                    }
                    if (process(record)) {
                        applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    } else {
                        // Not applied (database or Kafka unreachable): read it again after a pause.
                        heldBack.add(partition);
                        consumer.seek(partition, record.offset());
                    }
                }
                if (!applied.isEmpty()) {
                    consumer.commitSync(applied);
                }
                if (!heldBack.isEmpty()) {
                    sleep(Math.max(1000, settings.retryBackoff().toMillis() * 4));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.errorf("Event consumer stopped: %s", e.getClass().getName());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Applies one record; true when it is done with (applied, skipped as a duplicate, or dead-lettered). */
    boolean process(ConsumerRecord<String, byte[]> record) {
        EventHandler<?> handler = handlers.get(record.topic());
        EventEnvelope<?> envelope;
        try {
            envelope = EventCodec.fromJson(handler.topic(), record.value());
        } catch (EventCodec.MalformedEventException e) {
            return deadLetter(record, e.getMessage());
        }
        Correlation.set(envelope.correlationId());
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    boolean firstTime = apply(handler, envelope);
                    meters.counter("teken_events_consumed_total", "topic", record.topic(),
                            "outcome", firstTime ? "applied" : "duplicate").increment();
                    return true;
                } catch (RuntimeException e) {
                    if (isTransient(e)) {
                        LOG.warnf("Event %s on %s not applied, will retry: %s", envelope.eventId(), record.topic(),
                                rootMessage(e));
                        return false;
                    }
                    if (attempt >= settings.maxAttempts()) {
                        LOG.errorf("Event %s on %s failed %d times, parking it: %s", envelope.eventId(),
                                record.topic(), attempt, rootMessage(e));
                        return deadLetter(record, rootMessage(e));
                    }
                    sleep(settings.retryBackoff().toMillis() * attempt);
                }
            }
        } finally {
            Correlation.clear();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean apply(EventHandler handler, EventEnvelope envelope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = entityManager.createNativeQuery("""
                            INSERT INTO teken_processed_event (consumer, event_id, topic) VALUES (?1, ?2, ?3)
                            ON CONFLICT DO NOTHING""")
                    .setParameter(1, consumerGroup)
                    .setParameter(2, envelope.eventId())
                    .setParameter(3, handler.topic().name())
                    .executeUpdate();
            if (inserted == 0) {
                return false;
            }
            handler.handle(envelope);
            return true;
        });
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        Topic<?> topic = handlers.get(record.topic()).topic();
        try {
            ProducerRecord<String, byte[]> parked = new ProducerRecord<>(topic.deadLetterName(), record.key(), record.value());
            record.headers().forEach(h -> parked.headers().add(h));
            parked.headers().add("teken.dlq.reason", truncate(reason).getBytes(StandardCharsets.UTF_8));
            parked.headers().add("teken.dlq.source", (record.topic() + "/" + record.partition() + "/" + record.offset())
                    .getBytes(StandardCharsets.UTF_8));
            parked.headers().add("teken.dlq.consumer", consumerGroup.getBytes(StandardCharsets.UTF_8));
            deadLetterProducer().send(parked).get(30, TimeUnit.SECONDS);
            meters.counter("teken_events_dead_lettered_total", "topic", record.topic()).increment();
            return true;
        } catch (Exception e) {
            LOG.warnf("Could not park a record of %s on its dead-letter topic: %s", record.topic(), rootMessage(e));
            return false;
        }
    }

    private synchronized KafkaProducer<String, byte[]> deadLetterProducer() {
        if (deadLetters == null) {
            Properties props = kafka.properties();
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "teken-dlq-" + UUID.randomUUID());
            deadLetters = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return deadLetters;
    }

    /** Failures of the infrastructure rather than of the record: wait them out instead of parking. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.sql.SQLTransientException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                        || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException") || name.endsWith("LockAcquisitionException")) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String text) {
        return text == null ? "" : text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
