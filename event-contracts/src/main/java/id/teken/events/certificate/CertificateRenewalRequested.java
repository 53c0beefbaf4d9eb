package id.teken.events.certificate;

import java.time.Instant;

/** An owner asked to renew a certificate near or past its end (status RENEW until the new one is issued). Key: the NIP. */
public record CertificateRenewalRequested(
        String certificateId,
        String nip,
        String serialNumber,
        Instant notAfter,
        Instant requestedAt) {
}
