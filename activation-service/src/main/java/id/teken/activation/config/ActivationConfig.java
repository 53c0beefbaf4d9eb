package id.teken.activation.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every setting of activation-service, typed (application.properties says what each is and its variable). */
@ConfigMapping(prefix = "teken")
public interface ActivationConfig {

    Tenant tenant();

    /** The public base URL of the portal (links in mails), without a trailing slash. */
    String publicUrl();

    Activation activation();

    Consent consent();

    Selfie selfie();

    Directory directory();

    Face face();

    /** The Pemkab: its name in mails, its instansi in certificates. */
    interface Tenant {
        String name();

        String instansi();
    }

    /** Mailed links: how long they live, and how many bad links one address may try in the window. */
    interface Activation {
        Duration linkValidity();

        int maxBadLinksPerAddress();

        @WithDefault("PT15M")
        Duration badLinkWindow();
    }

    /** The versions of the texts a registrant consents to. */
    interface Consent {
        String privacyPolicyVersion();

        String subscriberAgreementVersion();
    }

    /** Selfie quality checks, encryption at rest and retention after the verifier's decision. */
    interface Selfie {
        MemorySize maxSize();

        int minWidth();

        int minHeight();

        double minLuminance();

        double maxLuminance();

        double minSharpness();

        String encryptionKey();

        Duration retentionAfterDecision();
    }

    /** SIASN: the employee export (csv) or its HTTP API. */
    interface Directory {
        String type();

        Csv csv();

        Http http();
    }

    /** Face verification: a verifier looks (verifier) or an HTTP face API compares. */
    interface Face {
        String type();

        FaceHttp http();
    }

    /** The employee export file. */
    interface Csv {
        String path();
    }

    /** An HTTP API with an optional key. */
    interface Http {
        String baseUrl();

        Optional<String> apiKey();

        Duration timeout();
    }

    /** The face API, with the similarity it must reach. */
    interface FaceHttp extends Http {
        double threshold();
    }
}
