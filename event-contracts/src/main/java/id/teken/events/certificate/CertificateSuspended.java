package id.teken.events.certificate;

import java.time.Instant;

/** A verifier suspended a certificate (RFC 5280 certificateHold). Key: the NIP. */
public record CertificateSuspended(
        String certificateId,
        String nip,
        String serialNumber,
        String suspendedBy,
        Instant suspendedAt) {
}
