package id.teken.certificate.application.service;

import id.teken.certificate.application.port.in.ManageCertificatesUseCase;
import id.teken.certificate.application.port.in.PublishPkiUseCase;
import id.teken.certificate.application.port.out.CertificateEvents;
import id.teken.certificate.application.port.out.CertificateMailer;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.SubscriberRepository;
import id.teken.certificate.application.port.out.VerifierAudit;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.certificate.domain.RevocationReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Suspend, unsuspend and revoke by a verifier (audited, announced, CRL re-signed, owner mailed); expiry and reminders. */
@ApplicationScoped
public class CertificateManagementService implements ManageCertificatesUseCase {

    /** Reasons a verifier may give; superseded and certificateHold come from reset and suspend. */
    private static final Set<RevocationReason> VERIFIER_REASONS = Set.of(RevocationReason.UNSPECIFIED,
            RevocationReason.KEY_COMPROMISE, RevocationReason.AFFILIATION_CHANGED, RevocationReason.CESSATION_OF_OPERATION,
            RevocationReason.PRIVILEGE_WITHDRAWN);

    private final CredentialRepository credentials;
    private final SubscriberRepository subscribers;
    private final CertificateEvents events;
    private final CertificateMailer mailer;
    private final PublishPkiUseCase pki;
    private final VerifierAudit audit;
    private final Clock clock;

    @Inject
    public CertificateManagementService(CredentialRepository credentials, SubscriberRepository subscribers,
                                        CertificateEvents events, CertificateMailer mailer, PublishPkiUseCase pki,
                                        VerifierAudit audit, Clock clock) {
        this.credentials = credentials;
        this.subscribers = subscribers;
        this.events = events;
        this.mailer = mailer;
        this.pki = pki;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Credential> certificatesOf(String nip) {
        return credentials.findByNip(nip);
    }

    @Override
    @Transactional
    public Credential suspend(String serial, String verifier, String note) {
        Credential c = find(serial).suspend(clock.instant());
        credentials.save(c);
        events.suspended(c, verifier);
        after(c, verifier, "SUSPEND", note, "SUSPEND");
        return c;
    }

    @Override
    @Transactional
    public Credential unsuspend(String serial, String verifier) {
        Credential c = find(serial).reinstate();
        credentials.save(c);
        events.reinstated(c, verifier);
        after(c, verifier, "UNSUSPEND", null, "ISSUE");
        return c;
    }

    @Override
    @Transactional
    public Credential revoke(String serial, String verifier, String reasonName) {
        RevocationReason reason = Arrays.stream(RevocationReason.values()).filter(r -> r.rfcName().equals(reasonName))
                .filter(VERIFIER_REASONS::contains).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.REASON_INVALID, "Alasan harus salah satu dari: "
                        + VERIFIER_REASONS.stream().map(RevocationReason::rfcName).sorted().toList() + "."));
        Credential c = find(serial);
        if (c.status() != Credential.Status.ACTIVE && c.status() != Credential.Status.SUSPENDED) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat ini sudah tidak aktif.");
        }
        Credential revoked = c.revoke(reason, clock.instant());
        credentials.save(revoked);
        events.revoked(revoked, verifier);
        after(revoked, verifier, "REVOKE", reason.rfcName(), "REVOKE");
        return revoked;
    }

    @Override
    @Transactional
    public int expireAndRemind() {
        Instant now = clock.instant();
        int expired = 0;
        for (Credential c : credentials.findActiveEndingBefore(now)) {
            Credential e = c.expire();
            credentials.save(e);
            events.expired(e);
            expired++;
        }
        for (int days : new int[] {30, 7}) {
            for (Credential c : credentials.findActiveEndingBefore(now.plus(Duration.ofDays(days)))) {
                if (credentials.markReminded(c.id(), days)) {
                    subscribers.find(c.nip()).ifPresent(s -> mailer.sendExpiryReminder(s.identity(), c.serialNumber(), c.notAfter()));
                }
            }
        }
        return expired;
    }

    private void after(Credential c, String verifier, String action, String detail, String newStatus) {
        pki.refreshCrl();
        audit.record(clock.instant(), verifier, action, c.serialNumber(), detail);
        subscribers.find(c.nip()).ifPresent(s -> mailer.sendStatusChanged(s.identity(), c.serialNumber(), newStatus, detail));
    }

    private Credential find(String serial) {
        return credentials.findBySerial(serial == null ? "" : serial.trim().toUpperCase())
                .orElseThrow(() -> new DomainException(ErrorCode.CERTIFICATE_NOT_FOUND, "Sertifikat tidak ditemukan."));
    }
}
