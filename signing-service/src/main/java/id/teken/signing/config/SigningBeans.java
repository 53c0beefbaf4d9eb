package id.teken.signing.config;

import id.teken.signing.adapter.out.certificate.HttpSigningKeys;
import id.teken.signing.adapter.out.pades.DssPdfSigner;
import id.teken.signing.adapter.out.pades.TekenPki;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.application.port.out.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Wires certificate-service's internal API (URL, service token) and the TSA into the signing core. */
@ApplicationScoped
public class SigningBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SigningKeys signingKeys(@ConfigProperty(name = "teken.signing.certificate-service-url") String url,
                            @ConfigProperty(name = "teken.internal.token") Optional<String> token,
                            @ConfigProperty(name = "teken.signing.certificate-service-timeout") Duration timeout) {
        return new HttpSigningKeys(URI.create(url), token.orElse(""), timeout);
    }

    @Produces
    @Singleton
    id.teken.signing.application.port.out.SignerDirectory signerDirectory(
            @ConfigProperty(name = "teken.signing.registration-service-url") String url,
            @ConfigProperty(name = "teken.internal.token") Optional<String> token,
            @ConfigProperty(name = "teken.signing.registration-service-timeout") Duration timeout) {
        return new id.teken.signing.adapter.out.registration.HttpSignerDirectory(URI.create(url), token.orElse(""), timeout);
    }

    @Produces
    @Singleton
    id.teken.signing.application.SigningSettings settings(@ConfigProperty(name = "teken.public-url") String publicUrl,
                                                          @ConfigProperty(name = "teken.signing.max-batch-files") int maxBatchFiles,
                                                          @ConfigProperty(name = "teken.signing.client-failures.throttle-per-hour") int throttle,
                                                          @ConfigProperty(name = "teken.signing.client-failures.disable-per-day") int disable) {
        return new id.teken.signing.application.SigningSettings(publicUrl.replaceAll("/+$", ""), maxBatchFiles, throttle, disable);
    }

    @Produces
    @Singleton
    @jakarta.inject.Named("downloadRetention")
    Duration downloadRetention(@ConfigProperty(name = "teken.signing.download-retention") Duration retention) {
        return retention;
    }

    @Produces
    @Singleton
    TekenPki pki(@ConfigProperty(name = "teken.signing.certificate-service-url") String url,
                 @ConfigProperty(name = "teken.public-url") String publicUrl,
                 @ConfigProperty(name = "teken.signing.fetch.allowed-prefixes") Optional<java.util.List<String>> allowed,
                 @ConfigProperty(name = "teken.signing.trust.extra-anchors") Optional<String> extraAnchorsFile) {
        java.util.List<byte[]> extra = new java.util.ArrayList<>();
        extraAnchorsFile.filter(f -> !f.isBlank()).ifPresent(file -> {
            try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))) {
                for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    extra.add(c.getEncoded());
                }
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("teken.signing.trust.extra-anchors: " + file + " is not a readable PEM file of certificates");
            }
        });
        return new TekenPki(URI.create(url), publicUrl, allowed.orElse(java.util.List.of()), extra);
    }

    @Produces
    @Singleton
    id.teken.signing.application.port.out.PdfValidator pdfValidator(TekenPki pki) {
        return new id.teken.signing.adapter.out.pades.DssPdfValidator(pki);
    }

    @Produces
    @Singleton
    PdfSigner pdfSigner(@ConfigProperty(name = "teken.signing.tsa-url") String tsaUrl, TekenPki pki) {
        return new DssPdfSigner(tsaUrl, pki);
    }
}
