package id.teken.signing.config;

import id.teken.signing.adapter.out.certificate.HttpSigningKeys;
import id.teken.signing.adapter.out.pades.DssPdfSigner;
import id.teken.signing.adapter.out.pades.TekenPki;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.application.port.out.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

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
    @jakarta.enterprise.inject.Typed(HttpSigningKeys.class)
    HttpSigningKeys certificateService(SigningConfig config) {
        return new HttpSigningKeys(URI.create(config.signing().certificateServiceUrl()), config.internal().certificateToken().orElse(""),
                config.signing().certificateServiceTimeout(), id.teken.kit.tls.InternalTls.context(config.internal().ca()));
    }

    @Produces
    @Singleton
    SigningKeys signingKeys(HttpSigningKeys certificateService) {
        return certificateService;
    }

    /** Seals go through the same internal client (one connection pool to certificate-service). */
    @Produces
    @Singleton
    id.teken.signing.application.port.out.SealKeys sealKeys(HttpSigningKeys certificateService) {
        return certificateService;
    }

    @Produces
    @Singleton
    id.teken.signing.application.port.out.SignerDirectory signerDirectory(SigningConfig config) {
        return new id.teken.signing.adapter.out.registration.HttpSignerDirectory(URI.create(config.signing().registrationServiceUrl()),
                config.internal().registrationToken().orElse(""), config.signing().registrationServiceTimeout(),
                id.teken.kit.tls.InternalTls.context(config.internal().ca()));
    }

    @Produces
    @Singleton
    id.teken.signing.application.SigningSettings settings(SigningConfig config) {
        SigningConfig.Signing signing = config.signing();
        return new id.teken.signing.application.SigningSettings(config.publicUrl().replaceAll("/+$", ""), signing.maxBatchFiles(),
                signing.clientFailures().throttlePerHour(), signing.clientFailures().disablePerDay());
    }

    @Produces
    @Singleton
    @jakarta.inject.Named("downloadRetention")
    Duration downloadRetention(SigningConfig config) {
        return config.signing().downloadRetention();
    }

    @Produces
    @Singleton
    TekenPki pki(SigningConfig config) {
        java.util.List<byte[]> extra = new java.util.ArrayList<>();
        config.signing().trust().extraAnchors().filter(f -> !f.isBlank()).ifPresent(file -> {
            try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))) {
                for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    extra.add(c.getEncoded());
                }
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("teken.signing.trust.extra-anchors: " + file + " is not a readable PEM file of certificates");
            }
        });
        return new TekenPki(URI.create(config.signing().certificateServiceUrl()), config.publicUrl(),
                config.signing().fetch().allowedPrefixes().orElse(java.util.List.of()), extra,
                id.teken.kit.tls.InternalTls.trustStoreBytes(config.internal().ca(), TekenPki.TRUST_PASSWORD));
    }

    @Produces
    @Singleton
    id.teken.signing.application.port.out.PdfValidator pdfValidator(TekenPki pki) {
        return new id.teken.signing.adapter.out.pades.DssPdfValidator(pki);
    }

    @Produces
    @Singleton
    id.teken.signing.application.port.out.PageRenderer pageRenderer() {
        return new id.teken.signing.adapter.out.pades.PdfBoxPageRenderer();
    }

    @Produces
    @Singleton
    PdfSigner pdfSigner(SigningConfig config, TekenPki pki) {
        return new DssPdfSigner(config.signing().tsaUrl(), pki);
    }

    /** One per instance: it remembers the assertions it has accepted until they expire, so none is taken twice. */
    @Produces
    @Singleton
    id.teken.kit.ClientAssertion.Verifier clientAssertions() {
        return new id.teken.kit.ClientAssertion.Verifier();
    }
}
