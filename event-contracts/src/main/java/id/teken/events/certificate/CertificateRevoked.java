package id.teken.events.certificate;

import java.time.Instant;

/** A certificate was revoked, with its RFC 5280 reason (e.g. superseded after a reset). Key: the NIP. */
public record CertificateRevoked(
        String certificateId,
        String nip,
        String serialNumber,
        String reason,
        String revokedBy,
        Instant revokedAt) {
}
