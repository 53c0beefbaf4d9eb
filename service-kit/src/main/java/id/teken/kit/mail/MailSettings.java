package id.teken.kit.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The mail outbox's settings (teken.mail.*): its sealing key, and how the relay sends, retries and cleans up. */
@ConfigMapping(prefix = "teken.mail")
public interface MailSettings {

    /** Base64 of 32 random bytes (TEKEN_MAIL_KEY): queued bodies are sealed with it, since they hold one-time links. */
    Optional<String> outboxKey();

    Relay relay();

    @WithDefault("20")
    int batchSize();

    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long a relay instance holds a mail it is sending before another may take it. */
    @WithDefault("PT2M")
    Duration lease();

    @WithDefault("PT2S")
    Duration retryInitial();

    @WithDefault("PT5M")
    Duration retryMax();

    @WithDefault("40")
    int maxAttempts();

    /** How long sent mails are kept (without their bodies' secrets) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** Whether this instance relays mail at all. */
    interface Relay {
        @WithDefault("true")
        boolean enabled();
    }
}
