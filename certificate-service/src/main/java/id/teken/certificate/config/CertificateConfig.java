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

    Seal seal();

    /** Seals (segel elektronik): the units' mail domain, how long a client's activation and a seal TOTP hold. */
    interface Seal {
        @WithDefault("ponorogo.go.id")
        String mailDomain();

        @WithDefault("P30D")
        Duration activationValidity();

        @WithDefault("PT5M")
        Duration totpValidity();
    }

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
        /** Where the CA's keys live: {@code file} (the PKCS#12 key store) or {@code pkcs11} (a token; the root offline). */
        @WithDefault("file")
        String store();

        KeyStore keystore();

        Pkcs11 pkcs11();

        /** With the root offline (pkcs11): the root CRL its key ceremony signed, DER ({@code teken ca root-crl}). */
        Optional<String> rootCrlFile();

        int caKeyBits();

        /** The master key (base64 of 32 bytes): required with the key-store file; with a token it is imported into it once. */
        Optional<String> masterKey();

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

    /** The PKCS#12 file and its password (store=file). */
    interface KeyStore {
        String path();

        Optional<String> password();
    }

    /** The PKCS#11 module, the token's slot (index in the module's slot list) and the user PIN (store=pkcs11). */
    interface Pkcs11 {
        @WithDefault("/usr/lib/softhsm/libsofthsm2.so")
        String library();

        @WithDefault("0")
        int slotListIndex();

        Optional<String> pin();
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

        /** The longest life a caller may ask for (the CSC API's clients authorize, then sign within minutes). */
        @WithDefault("PT5M")
        Duration maxAuthorizationLifetime();

        /** How long a system client's signing approval (BSrE's sign TOTP) holds, from the request. */
        @WithDefault("PT10M")
        Duration approvalValidity();

        /** Approval requests one signer may get through one client per hour. */
        @WithDefault("5")
        int maxApprovalsPerHour();
    }

    /** The token internal callers present (signing-service); unset: the internal API refuses everyone. */
    interface Internal {
        Optional<String> token();
    }
}
