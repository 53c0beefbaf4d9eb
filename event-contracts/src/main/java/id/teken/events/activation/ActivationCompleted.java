package id.teken.events.activation;

import java.time.Instant;

/**
 * An activation succeeded (by the checks alone or by a verifier's approval). Key: the registration id.
 * Carries the activated identity for the certificate subject; never the selfie or the link token. {@code contractEndsAt}:
 * for contract staff, the end of their work contract (the certificate never outlasts it); null otherwise.
 */
public record ActivationCompleted(
        String activationId,
        String registrationId,
        String nip,
        String nik,
        String namaLengkap,
        String emailDinas,
        String nomorTelepon,
        String kategori,
        String instansi,
        String unitOrganisasi,
        String jabatan,
        String provinsi,
        String privacyPolicyVersion,
        String subscriberAgreementVersion,
        Instant consentedAt,
        String approvedBy,
        Instant activatedAt,
        Instant contractEndsAt) {
}
