package id.teken.kit.token;

import id.teken.events.EventCodec;
import id.teken.events.Topics;
import id.teken.events.registration.AccessTokenRevoked;
import id.teken.kit.kafka.KafkaConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens revoked before they expired (sign-out, the CSC API's auth/revoke), as this service knows them: read
 * from {@code teken.registration.access-token-revoked.v1} by a consumer of its own that belongs to no group (it assigns
 * itself every partition and starts, at each start, from the records of the last {@code teken.revoked-tokens.lookback},
 * longer than any token lives), so a restart rebuilds the list and nothing is committed. Entries leave when their token
 * would have expired anyway. The service that revokes tells this list at once as well ({@link #revoke}).
 */
@ApplicationScoped
public class RevokedAccessTokens {

    private static final Logger LOG = Logger.getLogger(RevokedAccessTokens.class);

    @Inject
    KafkaConnection kafka;

    @ConfigProperty(name = "teken.revoked-tokens.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "teken.revoked-tokens.lookback", defaultValue = "PT24H")
    Duration lookback;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "teken")
    String applicationName;

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread reader;

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        running = true;
        reader = new Thread(this::read, "revoked-access-tokens");
        reader.setDaemon(true);
        reader.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Whether the token with this id was revoked (and would still be valid otherwise). */
    public boolean isRevoked(String tokenId) {
        if (tokenId == null || revoked.isEmpty()) {
            return false;
        }
        Instant until = revoked.get(tokenId);
        if (until == null) {
            return false;
        }
        if (!until.isAfter(clock.instant())) {
            revoked.remove(tokenId, until);
            return false;
        }
        return true;
    }

    /** Whether any token is on the list (the request filter skips its work when none is). */
    public boolean any() {
        return !revoked.isEmpty();
    }

    /** Whether the list has read what the topic held when this service started (a health detail). */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Records a revocation (from the topic, or at once by the service that revoked it). */
    public void revoke(String tokenId, Instant expiresAt) {
        if (tokenId != null && expiresAt != null && expiresAt.isAfter(clock.instant())) {
            revoked.merge(tokenId, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private void read() {
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(properties())) {
                consumer = c;
                List<TopicPartition> partitions = partitions(c);
                if (partitions.isEmpty()) {
                    sleep(Duration.ofSeconds(5));   // the topic comes with the first revocation
                    continue;
                }
                c.assign(partitions);
                Map<TopicPartition, Long> since = new HashMap<>();
                long from = clock.instant().minus(lookback).toEpochMilli();
                partitions.forEach(p -> since.put(p, from));
                Map<TopicPartition, OffsetAndTimestamp> offsets = c.offsetsForTimes(since);
                Map<TopicPartition, Long> ends = c.endOffsets(partitions);
                for (TopicPartition p : partitions) {
                    OffsetAndTimestamp at = offsets.get(p);
                    c.seek(p, at == null ? ends.get(p) : at.offset());
                }
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                        take(record);
                    }
                    if (!caughtUp && partitions.stream().allMatch(p -> c.position(p) >= ends.get(p))) {
                        caughtUp = true;
                    }
                    revoked.values().removeIf(until -> !until.isAfter(clock.instant()));
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                LOG.warnf("Revoked access tokens: Kafka not readable (%s); trying again in 5 s", e.getClass().getSimpleName());
                sleep(Duration.ofSeconds(5));
            } finally {
                consumer = null;
            }
        }
    }

    private void take(ConsumerRecord<String, String> record) {
        try {
            AccessTokenRevoked event = EventCodec.fromJson(Topics.ACCESS_TOKEN_REVOKED, record.value()).payload();
            revoke(event.tokenId(), event.expiresAt());
        } catch (RuntimeException e) {
            LOG.warnf("Revoked access tokens: record at offset %d of partition %d not readable; skipped", record.offset(),
                    record.partition());
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        List<PartitionInfo> info = c.partitionsFor(Topics.ACCESS_TOKEN_REVOKED.name(), Duration.ofSeconds(10));
        return info == null ? List.of() : info.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private Properties properties() {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationName + "-revoked-tokens");
        return p;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
