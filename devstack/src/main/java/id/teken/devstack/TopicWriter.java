package id.teken.devstack;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Publishes a record as an independent Kafka client (for tests that play another service). */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** Where the record landed (topic, partition, offset): what {@link ConsumerProgress} waits for. */
    public static RecordMetadata send(String bootstrap, String topic, String key, String value) {
        Properties props = KafkaUsers.admin(bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
