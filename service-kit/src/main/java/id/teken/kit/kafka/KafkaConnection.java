package id.teken.kit.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Properties;

/**
 * How this service reaches Kafka: the bootstrap servers and the security settings under {@code kafka.*} (the same ones
 * Quarkus' Kafka health check uses): SASL/SCRAM with the service's own user by default, TLS when the operator sets
 * {@code SASL_SSL} and a trust store. Every client the kit makes (outbox relay, consumer, dead letters) starts from here.
 */
@ApplicationScoped
public class KafkaConnection {

    /** The client settings copied from {@code kafka.*}; nothing else there is a client setting. */
    private static final String[] PREFIXES = {"bootstrap.servers", "security.protocol", "sasl.", "ssl.", "client.dns.lookup"};

    @Inject
    Config config;

    public Properties properties() {
        Properties props = new Properties();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith("kafka.")) {
                continue;
            }
            String key = name.substring("kafka.".length());
            for (String prefix : PREFIXES) {
                if (key.startsWith(prefix)) {
                    config.getOptionalValue(name, String.class).ifPresent(v -> props.put(key, v));
                }
            }
        }
        return props;
    }
}
