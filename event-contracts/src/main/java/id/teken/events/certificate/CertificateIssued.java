package id.teken.events.certificate;

import java.time.Instant;

/** A subscriber certificate was issued (first issue, passphrase reset or renewal). Key: the NIP. */
public record CertificateIssued(
        String certificateId,
        String registrationId,
        String nip,
        String serialNumber,
        String subjectDn,
        String certificatePem,
        Instant notBefore,
        Instant notAfter,
        String replacesSerialNumber) {
}
