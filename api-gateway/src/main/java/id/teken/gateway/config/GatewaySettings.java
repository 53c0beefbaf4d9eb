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

    ClientAssertion clientAssertion();

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

        /** The proxies in front (IP addresses or CIDR ranges) whose X-Forwarded-For names the caller; none by default. */
        Optional<java.util.List<String>> trustedProxies();
    }

    /** Base URLs of the four services (http:// or https://). */
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

    /** The internal service token (the gateway asks signing-service to check Basic credentials with it). */
    interface Internal {
        @WithName("token")
        Optional<String> token();

        /** The internal CA (PEM) the services' HTTPS certificates chain to, for https:// upstreams (TEKEN_INTERNAL_CA). */
        Optional<String> ca();
    }

    /** The key of the system-client assertion (TEKEN_CLIENT_ASSERTION_KEY, shared with signing-service only); unset: no system clients. */
    interface ClientAssertion {
        Optional<String> key();
    }
}
