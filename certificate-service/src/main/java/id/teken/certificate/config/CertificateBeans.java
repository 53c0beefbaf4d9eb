package id.teken.certificate.config;

import id.teken.certificate.adapter.out.ca.BouncyCastleCertificateAuthority;
import id.teken.certificate.adapter.out.ca.BouncyCastlePkiProtocols;
import id.teken.certificate.adapter.out.custody.SealedKeyCustody;
import id.teken.certificate.application.CertificateSettings;
import id.teken.certificate.application.port.out.KeyCustody;
import id.teken.certificate.domain.PassphrasePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import id.teken.certificate.application.service.SignatureAuthorizations;
import id.teken.certificate.domain.SigningGate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/** Wires configuration (CA key store, master key, validity, policy) into the certificate core. */
@ApplicationScoped
public class CertificateBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    CertificateSettings settings(CertificateConfig config) {
        return new CertificateSettings(config.passphrase().linkValidity(), config.publicUrl().replaceAll("/+$", ""),
                config.ca().certificateValidity(), config.consent().subscriberAgreementVersion(), config.ca().crlValidity(),
                config.passphrase().maxResetMailsPerHour(), config.ca().renewalWindow(), config.ca().rootCrlValidity());
    }

    @Produces
    @Singleton
    SignatureAuthorizations authorizations(CertificateConfig config, Clock clock) {
        return new SignatureAuthorizations(config.signing().authorizationLifetime(), clock);
    }

    @Produces
    @Singleton
    BouncyCastleCertificateAuthority certificateAuthority(CertificateConfig config) {
        CertificateConfig.Ca ca = config.ca();
        return new BouncyCastleCertificateAuthority(Path.of(ca.keystore().path()), ca.keystore().password().toCharArray(),
                config.tenant().name(), config.publicUrl().replaceAll("/+$", ""), ca.policyOid(), ca.caKeyBits());
    }

    /** OCSP and the TSA, signed by the service certificates the CA keeps in its key store. */
    @Produces
    @Singleton
    BouncyCastlePkiProtocols pkiProtocols(BouncyCastleCertificateAuthority ca, CertificateConfig config) {
        return new BouncyCastlePkiProtocols(ca, config.tsa().policyOid().orElse(config.ca().policyOid() + ".2"));
    }

    @Produces
    @Singleton
    KeyCustody keyCustody(CertificateConfig config) {
        CertificateConfig.Passphrase argon2 = config.passphrase();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(config.ca().masterKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("teken.ca.master-key is not base64");
        }
        return new SealedKeyCustody(key, config.ca().subscriberKeyAlgorithm(), config.ca().subscriberKeyBits(),
                argon2.argon2MemoryKib(), argon2.argon2Passes(), argon2.argon2Lanes(),
                SealedKeyCustody.defaultConcurrency(argon2.argon2MemoryKib()));
    }

    @Produces
    @Singleton
    SigningGate signingGate(CertificateConfig config) {
        return new SigningGate(config.signing().maxWrongPassphrases(), config.signing().lockPeriod());
    }

    @Produces
    @Singleton
    PassphrasePolicy passphrasePolicy() {
        try (InputStream in = CertificateBeans.class.getResourceAsStream("/common-passphrases.txt")) {
            Set<String> common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(String::toLowerCase).collect(Collectors.toSet());
            return new PassphrasePolicy(common);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
