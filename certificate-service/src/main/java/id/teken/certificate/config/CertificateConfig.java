package id.teken.certificate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Every setting of certificate-service, typed (application.properties says what each is and its variable). */
@ConfigMapping(prefix = "teken")
public interface CertificateConfig {

    Tenant tenant();

    /** The public base URL (links in mails, CRL, OCSP and CA addresses in certificates), without a trailing slash. */
    String publicUrl();

    Consent consent();

    Passphrase passphrase();

    Ca ca();

    Tsa tsa();

    Signing signing();

    Internal internal();

    /** The Pemkab the CA is named after. */
    interface Tenant {
        String name();
    }

    /** The subscriber agreement's version that consents refer to. */
    interface Consent {
        String subscriberAgreementVersion();
    }

    /** Set/reset links and the passphrase-derived key (Argon2id). */
    interface Passphrase {
        Duration linkValidity();

        int maxResetMailsPerHour();

        @WithName("argon2-memory-kib")
        int argon2MemoryKib();

        @WithName("argon2-passes")
        int argon2Passes();

        @WithName("argon2-lanes")
        @WithDefault("1")
        int argon2Lanes();
    }

    /** The CA hierarchy's key store, the master key, subscriber keys and what certificates and CRLs say. */
    interface Ca {
        KeyStore keystore();

        int caKeyBits();

        String masterKey();

        String subscriberKeyAlgorithm();

        int subscriberKeyBits();

        Duration certificateValidity();

        String policyOid();

        Duration crlValidity();

        @WithDefault("P7D")
        Duration rootCrlValidity();

        Duration renewalWindow();

        /** How often the CRL is refreshed and expiry is checked (scheduler expressions such as 1h). */
        @WithDefault("1h")
        String crlRefresh();

        @WithDefault("1h")
        String expiryCheck();
    }

    /** The PKCS#12 file and its password. */
    interface KeyStore {
        String path();

        String password();
    }

    /** The TSA's policy (default: the certificate policy's arc .2). */
    interface Tsa {
        Optional<String> policyOid();
    }

    /** The lock after wrong passphrases and the lifetime of a signature authorization (SAD). */
    interface Signing {
        int maxWrongPassphrases();

        Duration lockPeriod();

        @WithDefault("PT30S")
        Duration authorizationLifetime();
    }

    /** The token internal callers present (signing-service); unset: the internal API refuses everyone. */
    interface Internal {
        Optional<String> token();
    }
}
