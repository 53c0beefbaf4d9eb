package id.teken.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Every setting of the gateway, typed (application.properties says what each is and its variable). */
@ConfigMapping(prefix = "teken")
public interface GatewaySettings {

    Gateway gateway();

    Internal internal();

    /** The public entrance's upstreams, limits and timeouts. */
    interface Gateway {
        Upstream upstream();

        MemorySize jsonBodyLimit();

        MemorySize selfieBodyLimit();

        MemorySize documentBodyLimit();

        MemorySize batchBodyLimit();

        Duration upstreamTimeout();

        @WithDefault("PT15S")
        Duration clientAuthTimeout();

        RateLimit rateLimit();
    }

    /** Base URLs of the four services. */
    interface Upstream {
        String registration();

        String activation();

        String certificate();

        String signing();
    }

    /** Requests per minute: per caller address before anything else, per proven identity after. */
    interface RateLimit {
        int perIp();

        int perClient();
    }

    /** The internal service token (also the key of the system-client assertion); unset: no system clients. */
    interface Internal {
        @WithName("token")
        Optional<String> token();
    }
}
