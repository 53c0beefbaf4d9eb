package id.teken.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay's settings (teken.outbox.*): whether it runs, how much it publishes per round and how often. */
@ConfigMapping(prefix = "teken.outbox")
public interface OutboxSettings {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("100")
    int batchSize();

    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long published events are kept before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
