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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
    CertificateSettings settings(@ConfigProperty(name = "teken.passphrase.link-validity") Duration linkValidity,
                                 @ConfigProperty(name = "teken.public-url") String publicUrl,
                                 @ConfigProperty(name = "teken.ca.certificate-validity") Duration validity,
                                 @ConfigProperty(name = "teken.consent.subscriber-agreement-version") String agreement,
                                 @ConfigProperty(name = "teken.ca.crl-validity") Duration crlValidity,
                                 @ConfigProperty(name = "teken.passphrase.max-reset-mails-per-hour") int maxResets,
                                 @ConfigProperty(name = "teken.ca.renewal-window") Duration renewalWindow,
                                 @ConfigProperty(name = "teken.ca.root-crl-validity", defaultValue = "P7D") Duration rootCrlValidity) {
        return new CertificateSettings(linkValidity, publicUrl.replaceAll("/+$", ""), validity, agreement, crlValidity, maxResets,
                renewalWindow, rootCrlValidity);
    }

    @Produces
    @Singleton
    id.teken.certificate.application.service.SignatureAuthorizations authorizations(
            @ConfigProperty(name = "teken.signing.authorization-lifetime", defaultValue = "PT30S") Duration lifetime, java.time.Clock clock) {
        return new id.teken.certificate.application.service.SignatureAuthorizations(lifetime, clock);
    }

    @Produces
    @Singleton
    BouncyCastleCertificateAuthority certificateAuthority(@ConfigProperty(name = "teken.ca.keystore.path") String path,
                                              @ConfigProperty(name = "teken.ca.keystore.password") String password,
                                              @ConfigProperty(name = "teken.tenant.name") String tenant,
                                              @ConfigProperty(name = "teken.public-url") String publicUrl,
                                              @ConfigProperty(name = "teken.ca.policy-oid") String policyOid,
                                              @ConfigProperty(name = "teken.ca.ca-key-bits") int caKeyBits) {
        return new BouncyCastleCertificateAuthority(Path.of(path), password.toCharArray(), tenant,
                publicUrl.replaceAll("/+$", ""), policyOid, caKeyBits);
    }

    /** OCSP and the TSA, signed by the service certificates the CA keeps in its key store. */
    @Produces
    @Singleton
    BouncyCastlePkiProtocols pkiProtocols(BouncyCastleCertificateAuthority ca,
                                          @ConfigProperty(name = "teken.ca.policy-oid") String policyOid,
                                          @ConfigProperty(name = "teken.tsa.policy-oid") java.util.Optional<String> tsaPolicy) {
        return new BouncyCastlePkiProtocols(ca, tsaPolicy.orElse(policyOid + ".2"));
    }

    @Produces
    @Singleton
    KeyCustody keyCustody(@ConfigProperty(name = "teken.ca.master-key") String masterKey,
                          @ConfigProperty(name = "teken.ca.subscriber-key-algorithm") String algorithm,
                          @ConfigProperty(name = "teken.ca.subscriber-key-bits") int bits,
                          @ConfigProperty(name = "teken.passphrase.argon2-memory-kib") int memoryKib,
                          @ConfigProperty(name = "teken.passphrase.argon2-passes") int passes,
                          @ConfigProperty(name = "teken.passphrase.argon2-lanes", defaultValue = "1") int lanes) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(masterKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("teken.ca.master-key is not base64");
        }
        return new SealedKeyCustody(key, algorithm, bits, memoryKib, passes, lanes, SealedKeyCustody.defaultConcurrency(memoryKib));
    }

    @Produces
    @Singleton
    id.teken.certificate.domain.SigningGate signingGate(@ConfigProperty(name = "teken.signing.max-wrong-passphrases") int max,
                                                        @ConfigProperty(name = "teken.signing.lock-period") Duration lock) {
        return new id.teken.certificate.domain.SigningGate(max, lock);
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
