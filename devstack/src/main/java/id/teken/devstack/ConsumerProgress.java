package id.teken.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A barrier for "nothing happens" tests: waits until a consumer group has committed past the given records, i.e. has
 * handled them (the services commit an offset only after the record's work is done). Then an assertion that nothing
 * changed means the records were seen and ignored, not that the consumer was slow.
 */
public final class ConsumerProgress {

    private ConsumerProgress() {
    }

    public static void awaitHandled(String bootstrap, String group, List<RecordMetadata> records, Duration timeout) {
        Properties props = KafkaUsers.admin(bootstrap);
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean all = records.stream().allMatch(r -> {
                    OffsetAndMetadata at = committed.get(new TopicPartition(r.topic(), r.partition()));
                    return at != null && at.offset() > r.offset();
                });
                if (all) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("group " + group + " has not handled " + records + " within " + timeout
                            + "; committed: " + committed);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("consumer group offsets unreadable", e);
        }
    }
}
