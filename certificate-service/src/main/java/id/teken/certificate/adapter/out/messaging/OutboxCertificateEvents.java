package id.teken.certificate.adapter.out.messaging;

import id.teken.certificate.application.port.out.CertificateEvents;
import id.teken.certificate.domain.Credential;
import id.teken.events.Topics;
import id.teken.events.certificate.CertificateIssued;
import id.teken.events.certificate.CertificateRevoked;
import id.teken.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Certificate facts into the outbox (key: NIP); the certificate PEM is public, the key never appears. */
@ApplicationScoped
public class OutboxCertificateEvents implements CertificateEvents {

    @Inject
    Outbox outbox;

    @Override
    public void issued(Credential c, String registrationId, String replacesSerialNumber) {
        outbox.append(Topics.CERTIFICATE_ISSUED, c.nip(), new CertificateIssued(c.id().toString(), registrationId, c.nip(),
                c.serialNumber(), c.subjectDn(), c.certificatePem(), c.notBefore(), c.notAfter(), replacesSerialNumber));
    }

    @Override
    public void suspended(Credential c, String by) {
        outbox.append(Topics.CERTIFICATE_SUSPENDED, c.nip(), new id.teken.events.certificate.CertificateSuspended(
                c.id().toString(), c.nip(), c.serialNumber(), by, c.revokedAt()));
    }

    @Override
    public void reinstated(Credential c, String by) {
        outbox.append(Topics.CERTIFICATE_REINSTATED, c.nip(), new id.teken.events.certificate.CertificateReinstated(
                c.id().toString(), c.nip(), c.serialNumber(), by, java.time.Instant.now()));
    }

    @Override
    public void renewalRequested(Credential c) {
        outbox.append(Topics.CERTIFICATE_RENEWAL_REQUESTED, c.nip(), new id.teken.events.certificate.CertificateRenewalRequested(
                c.id().toString(), c.nip(), c.serialNumber(), c.notAfter(), java.time.Instant.now()));
    }

    @Override
    public void expired(Credential c) {
        outbox.append(Topics.CERTIFICATE_EXPIRED, c.nip(), new id.teken.events.certificate.CertificateExpired(
                c.id().toString(), c.nip(), c.serialNumber(), c.notAfter()));
    }

    @Override
    public void revoked(Credential c, String revokedBy) {
        outbox.append(Topics.CERTIFICATE_REVOKED, c.nip(), new CertificateRevoked(c.id().toString(), c.nip(), c.serialNumber(),
                c.revocationReason().rfcName(), revokedBy, c.revokedAt()));
    }
}
