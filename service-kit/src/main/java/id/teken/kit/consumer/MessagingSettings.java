package id.teken.kit.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The consumer runner's settings (teken.messaging.*): group, whether it runs, and how a failing event is retried. */
@ConfigMapping(prefix = "teken.messaging")
public interface MessagingSettings {

    /** The Kafka consumer group (default: the application's name). */
    Optional<String> consumerGroup();

    @WithDefault("true")
    boolean enabled();

    @WithDefault("5")
    int maxAttempts();

    @WithDefault("PT0.5S")
    Duration retryBackoff();
}
