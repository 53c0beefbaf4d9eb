package id.teken.signing.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of signing-service, typed (application.properties says what each is and its variable). */
@ConfigMapping(prefix = "teken")
public interface SigningConfig {

    /** The public base URL (QR links to /verify), without a trailing slash. */
    String publicUrl();

    Signing signing();

    Internal internal();

    ClientAssertion clientAssertion();

    /** The key of the identity the gateway forwards for system clients (TEKEN_CLIENT_ASSERTION_KEY; gateway and here only). */
    interface ClientAssertion {
        Optional<String> key();
    }

    /** The other services it calls, the limits of a request, the default level and the client budgets. */
    interface Signing {
        String certificateServiceUrl();

        Duration certificateServiceTimeout();

        String registrationServiceUrl();

        Duration registrationServiceTimeout();

        String tsaUrl();

        MemorySize maxPdfSize();

        MemorySize maxBatchSize();

        int maxBatchFiles();

        String defaultLevel();

        Duration downloadRetention();

        ClientFailures clientFailures();

        Fetch fetch();

        Trust trust();
    }

    /** A system client's failed signatures: throttled above the hourly count, disabled above the daily one. */
    interface ClientFailures {
        int throttlePerHour();

        int disablePerDay();
    }

    /** URL prefixes verification may fetch from besides Teken's own PKI (CRLs, OCSP, certificates of others). */
    interface Fetch {
        Optional<List<String>> allowedPrefixes();
    }

    /** A PEM file of further trust anchors for verification (another CA's root). */
    interface Trust {
        Optional<String> extraAnchors();
    }

    /** The token for certificate- and registration-service's internal APIs (and the client-assertion key). */
    interface Internal {
        /** What the gateway presents to this service's system-client check. */
        Optional<String> token();

        /** What this service presents to certificate-service (sign-hash, authorizations, signer certificates). */
        Optional<String> certificateToken();

        /** What this service presents to registration-service (signer lookup). */
        Optional<String> registrationToken();

        /** The internal CA (PEM) the other services' HTTPS certificates chain to (TEKEN_INTERNAL_CA); unset: the JDK's trust. */
        Optional<String> ca();
    }
}
