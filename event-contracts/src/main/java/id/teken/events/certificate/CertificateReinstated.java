package id.teken.events.certificate;

import java.time.Instant;

/** A verifier lifted a suspension; the certificate can sign again. Key: the NIP. */
public record CertificateReinstated(
        String certificateId,
        String nip,
        String serialNumber,
        String reinstatedBy,
        Instant reinstatedAt) {
}
