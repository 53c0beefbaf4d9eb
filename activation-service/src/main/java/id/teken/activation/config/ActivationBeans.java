package id.teken.activation.config;

import id.teken.activation.adapter.out.face.HttpFaceVerification;
import id.teken.activation.adapter.out.face.VerifierReviewFaceVerification;
import id.teken.activation.adapter.out.siasn.CsvSiasnDirectory;
import id.teken.activation.adapter.out.siasn.HttpSiasnDirectory;
import id.teken.activation.application.ActivationSettings;
import id.teken.activation.application.port.out.EmployeeDirectory;
import id.teken.activation.application.port.out.FaceVerification;
import id.teken.activation.domain.SelfiePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

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
    ActivationSettings settings(ActivationConfig config) {
        ActivationConfig.Selfie selfie = config.selfie();
        return new ActivationSettings(config.activation().linkValidity(), config.publicUrl().replaceAll("/+$", ""),
                config.tenant().instansi(), config.consent().privacyPolicyVersion(), config.consent().subscriberAgreementVersion(),
                new SelfiePolicy(selfie.maxSize().asLongValue(), selfie.minWidth(), selfie.minHeight(), selfie.minLuminance(),
                        selfie.maxLuminance(), selfie.minSharpness()),
                config.activation().maxBadLinksPerAddress(), selfie.retentionAfterDecision());
    }

    @Produces
    @Singleton
    EmployeeDirectory siasn(ActivationConfig config) {
        ActivationConfig.Directory directory = config.directory();
        return switch (directory.type()) {
            case "csv" -> new CsvSiasnDirectory(Path.of(directory.csv().path()));
            case "http" -> new HttpSiasnDirectory(URI.create(directory.http().baseUrl()), directory.http().apiKey().orElse(null),
                    directory.http().timeout());
            default -> throw new IllegalStateException("teken.directory.type must be csv or http, not " + directory.type());
        };
    }

    @Produces
    @Singleton
    FaceVerification faces(ActivationConfig config) {
        ActivationConfig.FaceHttp http = config.face().http();
        return switch (config.face().type()) {
            case "verifier" -> new VerifierReviewFaceVerification();
            case "http" -> new HttpFaceVerification(URI.create(http.baseUrl()), http.apiKey().orElse(null), http.timeout(),
                    http.threshold());
            default -> throw new IllegalStateException("teken.face.type must be verifier or http, not " + config.face().type());
        };
    }
}
