package id.teken.certificate.application.service;

import id.teken.certificate.application.port.in.ManageCertificatesUseCase;
import id.teken.certificate.application.port.in.PublishPkiUseCase;
import id.teken.certificate.application.port.out.CertificateEvents;
import id.teken.certificate.application.port.out.CertificateMailer;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.PassphraseAttempts;
import id.teken.certificate.application.port.out.PassphraseLinks;
import id.teken.certificate.application.port.out.SubscriberRepository;
import id.teken.certificate.application.port.out.VerifierAudit;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.certificate.domain.RevocationReason;
import id.teken.certificate.domain.SigningGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Suspend, unsuspend and revoke by a verifier (audited, announced, CRL re-signed, owner mailed, pending passphrase links
 * retired); expiry and reminders. Status changes are compare-and-set, and nobody acts on their own certificate.
 */
@ApplicationScoped
@RequiredArgsConstructor
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
    private final PassphraseLinks links;
    private final PassphraseAttempts attempts;
    private final Clock clock;

    @Override
    @Transactional
    public List<CertificateRecord> certificatesOf(String nip, String verifier) {
        Instant now = clock.instant();
        audit.record(now, verifier, "VIEW_CERTIFICATES", null, "nip " + nip);
        return credentials.findByNip(nip).stream()
                .map(c -> new CertificateRecord(c, attempts.lockedUntil(c.id(), SigningGate.OWNER, now).isPresent())).toList();
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public Credential suspend(String serial, String verifier, String note) {
        Credential before = findFor(serial, verifier, "SUSPEND");
        Credential c = before.suspend(clock.instant());
        change(before, c);
        events.suspended(c, verifier);
        after(c, verifier, "SUSPEND", note, "SUSPEND");
        return c;
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public Credential unsuspend(String serial, String verifier) {
        Credential before = findFor(serial, verifier, "UNSUSPEND");
        Credential c = before.reinstate();
        change(before, c);
        events.reinstated(c, verifier);
        after(c, verifier, "UNSUSPEND", null, "ISSUE");
        return c;
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public Credential revoke(String serial, String verifier, String reasonName) {
        RevocationReason reason = Arrays.stream(RevocationReason.values()).filter(r -> r.rfcName().equals(reasonName))
                .filter(VERIFIER_REASONS::contains).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.REASON_INVALID, "Alasan harus salah satu dari: "
                        + VERIFIER_REASONS.stream().map(RevocationReason::rfcName).sorted().toList() + "."));
        Credential c = findFor(serial, verifier, "REVOKE");
        if (c.status() != Credential.Status.ACTIVE && c.status() != Credential.Status.SUSPENDED) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat ini sudah tidak aktif.");
        }
        Credential revoked = c.revoke(reason, clock.instant());
        change(c, revoked);
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
            if (!credentials.transition(c, e)) {
                continue;   // suspended or revoked meanwhile: that change stands
            }
            links.retireOthers(c.nip(), now);
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

    /** Writes the change only over the status it was decided on; a change made meanwhile is reported, not overwritten. */
    private void change(Credential before, Credential after) {
        if (!credentials.transition(before, after)) {
            throw new DomainException(ErrorCode.STATUS_CHANGED, "Status sertifikat berubah saat tindakan ini diproses. "
                    + "Muat ulang data sertifikat lalu ulangi.");
        }
    }

    private void after(Credential c, String verifier, String action, String detail, String newStatus) {
        if (c.status() != Credential.Status.ACTIVE) {
            // A passphrase link mailed before a suspension or revocation must not issue a fresh certificate after it.
            links.retireOthers(c.nip(), clock.instant());
        }
        pki.refreshCrl();
        audit.record(clock.instant(), verifier, action, c.serialNumber(), detail);
        subscribers.find(c.nip()).ifPresent(s -> mailer.sendStatusChanged(s.identity(), c.serialNumber(), newStatus, detail));
    }

    /** The certificate, unless it is the verifier's own: nobody reviews their own credential (refusal audited). */
    private Credential findFor(String serial, String verifier, String action) {
        Credential c = credentials.findBySerial(serial == null ? "" : serial.trim().toUpperCase())
                .orElseThrow(() -> new DomainException(ErrorCode.CERTIFICATE_NOT_FOUND, "Sertifikat tidak ditemukan."));
        if (c.nip().equals(verifier)) {
            audit.record(clock.instant(), verifier, "REFUSED_SELF_" + action, c.serialNumber(), "actor is the subject");
            throw new DomainException(ErrorCode.SELF_ACTION, "Verifikator tidak dapat memproses sertifikatnya sendiri. "
                    + "Mintalah Verifikator TTE lain.");
        }
        return c;
    }
}
