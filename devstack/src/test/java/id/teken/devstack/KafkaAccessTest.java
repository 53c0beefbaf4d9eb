package id.teken.devstack;

import id.teken.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker Teken runs on (devstack's, the same settings and grants as production): a forged event from an unknown
 * client is refused, and a service's credentials write only its own topics and read only what it consumes.
 */
class KafkaAccessTest {

    static DevStack stack;
    static String bootstrap;

    @BeforeAll
    static void start() {
        stack = DevStack.shared();
        bootstrap = stack.kafkaBootstrapServers();
    }

    static Properties as(String user) {
        return KafkaUsers.client(bootstrap, user, stack.kafkaPassword(user));
    }

    static void send(Properties client, String topic) throws Exception {
        client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "8000");
        client.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "8000");
        client.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        client.put(ProducerConfig.RETRIES_CONFIG, "0");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "acl-probe-" + UUID.randomUUID(), "{\"probe\":true}")).get(15, TimeUnit.SECONDS);
        }
    }

    static Throwable cause(ThrowingCall call) {
        try {
            call.run();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Throwable e) {
            return e;
        }
        return null;
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void activationsCredentials_cannotWriteACertificateTopic() {
        assertThat(cause(() -> send(as("activation-service"), Topics.CERTIFICATE_ISSUED.name())))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(cause(() -> send(as("activation-service"), Topics.CERTIFICATE_REVOKED.name())))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceWritesItsOwnTopic_andTheDeadLettersOfWhatItConsumes() throws Exception {
        send(as("activation-service"), Topics.ACTIVATION_REVIEW_REQUESTED.name());
        send(as("activation-service"), Topics.REGISTRATION_SUBMITTED.deadLetterName());
        // but not the topic it consumes: a consumer cannot forge what it reads
        assertThat(cause(() -> send(as("activation-service"), Topics.REGISTRATION_SUBMITTED.name())))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aForgedActivationCompletedFromAnUnknownClient_isRefused() {
        Properties stranger = KafkaUsers.client(bootstrap, "intruder", "guessed-password");
        assertThat(cause(() -> send(stranger, Topics.ACTIVATION_COMPLETED.name())))
                .isInstanceOf(SaslAuthenticationException.class);
        Properties wrongPassword = KafkaUsers.client(bootstrap, "activation-service", "not-its-password");
        assertThat(cause(() -> send(wrongPassword, Topics.ACTIVATION_COMPLETED.name())))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientWithoutSasl_getsNothingThrough() {
        Properties plain = new Properties();
        plain.put("bootstrap.servers", bootstrap);
        Throwable refused = cause(() -> send(plain, Topics.ACTIVATION_COMPLETED.name()));
        assertThat(refused).isNotNull();
        assertThat(refused).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    /** Polls {@code topic} as {@code user} in {@code group}; the refusal that comes back, if any. */
    static Throwable pollAs(String user, String group, String topic) {
        Properties client = as(user);
        client.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        client.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(client, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            return cause(() -> {
                for (int i = 0; i < 20; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            });
        }
    }

    @Test
    void signingsCredentials_cannotReadWhatItDoesNotConsume() {
        assertThat(pollAs("signing-service", "signing-service", Topics.ACTIVATION_COMPLETED.name()))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceReadsOnlyInItsOwnGroup() {
        assertThat(pollAs("signing-service", "certificate-service", Topics.CERTIFICATE_ISSUED.name()))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aServiceReadsWhatItConsumes_inItsOwnGroup() {
        assertThat(pollAs("signing-service", "signing-service", Topics.CERTIFICATE_ISSUED.name())).isNull();
    }
}
