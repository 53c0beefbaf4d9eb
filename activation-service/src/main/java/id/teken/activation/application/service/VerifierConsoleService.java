package id.teken.activation.application.service;

import id.teken.activation.application.ActivationSettings;
import id.teken.activation.application.port.in.ReviewActivationsUseCase;
import id.teken.activation.application.port.out.ActivationEvents;
import id.teken.activation.application.port.out.ActivationMailer;
import id.teken.activation.application.port.out.ActivationRepository;
import id.teken.activation.application.port.out.SelfieVault;
import id.teken.activation.application.port.out.VerifierAudit;
import id.teken.activation.domain.Activation;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.ErrorCode;
import id.teken.activation.domain.LinkToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The Verifikator TTE's decisions and link care; each action is written to the audit trail in the same transaction. */
@ApplicationScoped
@RequiredArgsConstructor
public class VerifierConsoleService implements ReviewActivationsUseCase {

    private final ActivationRepository activations;
    private final ActivationEvents events;
    private final ActivationMailer mailer;
    private final SelfieVault vault;
    private final VerifierAudit audit;
    private final ActivationSettings settings;
    private final Clock clock;

    @Override
    @Transactional
    public List<Activation> queue(id.teken.activation.domain.ActivationStatus status, String nip, String verifier) {
        List<Activation> found = activations.findByStatus(status, nip);
        log(verifier, "VIEW_QUEUE", null, "status " + status + (nip == null ? "" : ", nip " + nip) + ": " + found.size() + " shown");
        return found;
    }

    @Override
    @Transactional
    public Activation details(UUID id, String verifier) {
        Activation a = find(id);
        log(verifier, "VIEW", id, null);
        return a;
    }

    @Override
    @Transactional
    public Selfie selfie(UUID id, String verifier) {
        find(id);
        SelfieVault.StoredSelfie stored = vault.load(id).orElseThrow(() ->
                new DomainException(ErrorCode.ACTIVATION_NOT_FOUND, "Swafoto tidak tersedia (belum diunggah atau sudah dihapus)."));
        log(verifier, "VIEW_SELFIE", id, null);
        return new Selfie(stored.contentType(), stored.bytes());
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public Activation approve(UUID id, String verifier) {
        Activation a = change(id, verifier, "APPROVE", x -> x.approve(verifier, clock.instant()));
        events.completed(a);
        log(verifier, "APPROVE", id, null);
        return a;
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public Activation reject(UUID id, String verifier, String reason) {
        Activation a = change(id, verifier, "REJECT", x -> x.reject(verifier, reason, clock.instant()));
        events.rejected(a);
        log(verifier, "REJECT", id, a.decisionReason());
        mailer.sendRejection(a.registrant(), a.decisionReason());
        return a;
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public Activation resendLink(UUID id, String verifier) {
        Instant now = clock.instant();
        String token = LinkToken.generate();
        Activation a = change(id, verifier, "RESEND_LINK",
                x -> x.renewLink(LinkToken.hash(token), now.plus(settings.linkValidity()), now));
        log(verifier, "RESEND_LINK", id, null);
        mailer.sendActivationLink(a.registrant(), settings.publicUrl() + "/aktivasi/" + token, a.expiresAt());
        return a;
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public Activation invalidateLink(UUID id, String verifier) {
        Activation a = change(id, verifier, "INVALIDATE_LINK", x -> x.invalidate(verifier, clock.instant()));
        events.expired(a);
        log(verifier, "INVALIDATE_LINK", id, null);
        return a;
    }

    @Override
    @Transactional
    public List<AuditEntry> audit(int limit) {
        return audit.latest(Math.max(1, Math.min(limit, 500)));
    }

    /** A verifier's change to someone else's activation, saved (the caller then announces and audits it). */
    private Activation change(UUID id, String verifier, String action, Consumer<Activation> change) {
        Activation a = notOwn(find(id), verifier, action);
        change.accept(a);
        activations.save(a);
        return a;
    }

    /** Nobody decides on or tends to their own activation: the refusal is audited and the action is not done. */
    private Activation notOwn(Activation a, String verifier, String action) {
        if (a.registrant().nip().equals(verifier)) {
            log(verifier, "REFUSED_SELF_" + action, a.id(), "actor is the subject");
            throw new DomainException(ErrorCode.SELF_REVIEW, "Verifikator tidak dapat memproses aktivasinya sendiri. "
                    + "Mintalah Verifikator TTE lain.");
        }
        return a;
    }

    private Activation find(UUID id) {
        return activations.findById(id).orElseThrow(() ->
                new DomainException(ErrorCode.ACTIVATION_NOT_FOUND, "Aktivasi tidak ditemukan."));
    }

    private void log(String verifier, String action, UUID id, String detail) {
        audit.record(new AuditEntry(clock.instant(), verifier, action, id, detail));
    }
}
