package id.teken.activation.application;

import id.teken.activation.domain.SelfiePolicy;

import java.time.Duration;

/** Configuration the activation core applies (read from configuration by the config package). */
public record ActivationSettings(
        Duration linkValidity,
        String publicUrl,
        String instansi,
        String privacyPolicyVersion,
        String subscriberAgreementVersion,
        SelfiePolicy selfiePolicy,
        int maxBadLinksPerAddress,
        Duration selfieRetentionAfterDecision) {
}
