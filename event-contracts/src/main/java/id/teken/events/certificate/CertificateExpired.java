package id.teken.events.certificate;

import java.time.Instant;

/** A certificate reached the end of its validity. Key: the NIP. */
public record CertificateExpired(
        String certificateId,
        String nip,
        String serialNumber,
        Instant notAfter) {
}
