package id.teken.activation.config;

import id.teken.activation.adapter.out.face.HttpFaceVerification;
import id.teken.activation.adapter.out.face.VerifierReviewFaceVerification;
import id.teken.activation.adapter.out.siasn.CsvSiasnDirectory;
import id.teken.activation.adapter.out.siasn.HttpSiasnDirectory;
import id.teken.activation.application.ActivationSettings;
import id.teken.activation.application.port.out.EmployeeDirectory;
import id.teken.activation.application.port.out.FaceVerification;
import id.teken.activation.domain.SelfiePolicy;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Wires configuration into the activation core and picks the SIASN and face-verification adapters. */
@ApplicationScoped
public class ActivationBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ActivationSettings settings(
            @ConfigProperty(name = "teken.activation.link-validity") Duration linkValidity,
            @ConfigProperty(name = "teken.public-url") String publicUrl,
            @ConfigProperty(name = "teken.tenant.instansi") String instansi,
            @ConfigProperty(name = "teken.consent.privacy-policy-version") String privacyVersion,
            @ConfigProperty(name = "teken.consent.subscriber-agreement-version") String agreementVersion,
            @ConfigProperty(name = "teken.selfie.max-size") MemorySize maxSize,
            @ConfigProperty(name = "teken.selfie.min-width") int minWidth,
            @ConfigProperty(name = "teken.selfie.min-height") int minHeight,
            @ConfigProperty(name = "teken.selfie.min-luminance") double minLuminance,
            @ConfigProperty(name = "teken.selfie.max-luminance") double maxLuminance,
            @ConfigProperty(name = "teken.selfie.min-sharpness") double minSharpness,
            @ConfigProperty(name = "teken.activation.max-bad-links-per-address") int maxBadLinks,
            @ConfigProperty(name = "teken.selfie.retention-after-decision") Duration retention) {
        return new ActivationSettings(linkValidity, publicUrl.replaceAll("/+$", ""), instansi, privacyVersion, agreementVersion,
                new SelfiePolicy(maxSize.asLongValue(), minWidth, minHeight, minLuminance, maxLuminance, minSharpness),
                maxBadLinks, retention);
    }

    @Produces
    @Singleton
    EmployeeDirectory siasn(@ConfigProperty(name = "teken.directory.type") String type,
                            @ConfigProperty(name = "teken.directory.csv.path") String csvPath,
                            @ConfigProperty(name = "teken.directory.http.base-url") String baseUrl,
                            @ConfigProperty(name = "teken.directory.http.api-key") Optional<String> apiKey,
                            @ConfigProperty(name = "teken.directory.http.timeout") Duration timeout) {
        return switch (type) {
            case "csv" -> new CsvSiasnDirectory(Path.of(csvPath));
            case "http" -> new HttpSiasnDirectory(URI.create(baseUrl), apiKey.orElse(null), timeout);
            default -> throw new IllegalStateException("teken.directory.type must be csv or http, not " + type);
        };
    }

    @Produces
    @Singleton
    FaceVerification faces(@ConfigProperty(name = "teken.face.type") String type,
                           @ConfigProperty(name = "teken.face.http.base-url") String baseUrl,
                           @ConfigProperty(name = "teken.face.http.api-key") Optional<String> apiKey,
                           @ConfigProperty(name = "teken.face.http.timeout") Duration timeout,
                           @ConfigProperty(name = "teken.face.http.threshold") double threshold) {
        return switch (type) {
            case "verifier" -> new VerifierReviewFaceVerification();
            case "http" -> new HttpFaceVerification(URI.create(baseUrl), apiKey.orElse(null), timeout, threshold);
            default -> throw new IllegalStateException("teken.face.type must be verifier or http, not " + type);
        };
    }
}
