package id.teken.certificate.config;

import id.teken.certificate.adapter.out.ca.BouncyCastleCertificateAuthority;
import id.teken.certificate.adapter.out.ca.BouncyCastlePkiProtocols;
import id.teken.certificate.adapter.out.ca.Pkcs11Token;
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
import java.util.Optional;
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
    id.teken.certificate.application.ApprovalSettings approvalSettings(CertificateConfig config) {
        return new id.teken.certificate.application.ApprovalSettings(config.publicUrl().replaceAll("/+$", ""),
                config.signing().approvalValidity(), config.signing().maxApprovalsPerHour());
    }

    @Produces
    @Singleton
    id.teken.certificate.application.SealSettings sealSettings(CertificateConfig config) {
        return new id.teken.certificate.application.SealSettings(config.tenant().name(), config.seal().mailDomain(),
                config.seal().activationValidity(), config.seal().totpValidity());
    }

    @Produces
    @Singleton
    SignatureAuthorizations authorizations(CertificateConfig config, Clock clock) {
        return new SignatureAuthorizations(config.signing().authorizationLifetime(), config.signing().maxAuthorizationLifetime(), clock);
    }

    @Produces
    @Singleton
    BouncyCastleCertificateAuthority certificateAuthority(CertificateConfig config) {
        CertificateConfig.Ca ca = config.ca();
        String publicUrl = config.publicUrl().replaceAll("/+$", "");
        if (pkcs11(config)) {
            String crl = ca.rootCrlFile().filter(f -> !f.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "TEKEN_CA_STORE=pkcs11 needs TEKEN_CA_ROOT_CRL: the root CRL the offline root signed (teken ca root-crl)"));
            return new BouncyCastleCertificateAuthority(token(config).caKeys(config.tenant().name(), publicUrl), publicUrl,
                    ca.policyOid(), Path.of(crl));
        }
        String password = ca.keystore().password().filter(p -> !p.isBlank())
                .orElseThrow(() -> new IllegalStateException("set TEKEN_CA_KEYSTORE_PASSWORD (the CA key store's secret)"));
        return new BouncyCastleCertificateAuthority(Path.of(ca.keystore().path()), password.toCharArray(),
                config.tenant().name(), publicUrl, ca.policyOid(), ca.caKeyBits());
    }

    private static boolean pkcs11(CertificateConfig config) {
        return switch (config.ca().store().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "pkcs11" -> true;
            case "file" -> false;
            default -> throw new IllegalStateException("TEKEN_CA_STORE must be file or pkcs11");
        };
    }

    private static Pkcs11Token token(CertificateConfig config) {
        CertificateConfig.Pkcs11 p = config.ca().pkcs11();
        String pin = p.pin().filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("TEKEN_CA_STORE=pkcs11 needs TEKEN_PKCS11_PIN (the token's user PIN)"));
        return Pkcs11Token.open(p.library(), p.slotListIndex(), pin.toCharArray());
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
        Optional<byte[]> configured = config.ca().masterKey().map(String::trim).filter(k -> !k.isEmpty()).map(k -> {
            try {
                return Base64.getDecoder().decode(k);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("teken.ca.master-key is not base64");
            }
        });
        int concurrency = SealedKeyCustody.defaultConcurrency(argon2.argon2MemoryKib());
        if (pkcs11(config)) {
            if (configured.isPresent() && configured.get().length != 32) {
                throw new IllegalStateException("the master key must be 32 bytes");
            }
            Pkcs11Token token = token(config);
            return new SealedKeyCustody(token.masterKey(configured), token.provider(), config.ca().subscriberKeyAlgorithm(),
                    config.ca().subscriberKeyBits(), argon2.argon2MemoryKib(), argon2.argon2Passes(), argon2.argon2Lanes(), concurrency);
        }
        byte[] key = configured.orElseThrow(() -> new IllegalStateException("set TEKEN_MASTER_KEY (base64 of 32 bytes)"));
        return new SealedKeyCustody(key, config.ca().subscriberKeyAlgorithm(), config.ca().subscriberKeyBits(),
                argon2.argon2MemoryKib(), argon2.argon2Passes(), argon2.argon2Lanes(), concurrency);
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
