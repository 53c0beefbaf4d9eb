package id.teken.certificate.application.service;

import id.teken.certificate.application.port.out.CertificateMailer;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.PassphraseAttempts;
import id.teken.certificate.application.port.out.SubscriberRepository;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.certificate.domain.SigningGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The steps around a passphrase check, each its own short transaction so that parallel checks see each other: admit
 * (the current credential may sign and one try is reserved), then after the key derivation either a failure (counted,
 * perhaps locking and mailing the owner) or a success (the count cleared, and the credential still active: a suspend or
 * revoke committed meanwhile wins, the signature is thrown away).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PassphraseGuard {

    /** A reservation nobody settles (the process died mid-check) lapses after this. */
    static final Duration RESERVATION = Duration.ofSeconds(60);

    private final CredentialRepository credentials;
    private final SubscriberRepository subscribers;
    private final PassphraseAttempts attempts;
    private final CertificateMailer mailer;
    private final SigningGate gate;
    private final Clock clock;

    /** How many tries of a channel may be open or wrong at once. */
    public int maxAttempts() {
        return gate.maxAttempts();
    }

    /** The credential a NIP signs with now: its active one, else its newest (whose status then explains the refusal). */
    public Credential current(String nip) {
        List<Credential> all = credentials.findByNip(nip);
        return all.stream().filter(c -> c.status() == Credential.Status.ACTIVE).findFirst()
                .or(() -> all.stream().reduce((a, b) -> b))
                .orElseThrow(() -> new DomainException(ErrorCode.CERTIFICATE_NOT_FOUND, "User tidak terdaftar atau belum memiliki sertifikat."));
    }

    /** One try for the NIP's current credential on the channel; empty when every allowed try is open already. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Credential> tryAdmit(String nip, String channel) {
        Instant now = clock.instant();
        Credential credential = current(nip);
        gate.checkMaySign(credential, now);
        PassphraseAttempts.Admission admission = attempts.reserve(credential.id(), channel, gate.maxAttempts(), now,
                now.plus(RESERVATION));
        return switch (admission.outcome()) {
            case RESERVED -> Optional.of(credential);
            case LOCKED -> throw gate.locked(admission.lockedUntil(), now, channel);
            case BUSY -> Optional.empty();
        };
    }

    /** Counts the wrong passphrase (committed), mails the owner when it locked the channel; the refusal to answer with. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DomainException wrongPassphrase(Credential credential, String channel) {
        Instant now = clock.instant();
        PassphraseAttempts.Failure failure = attempts.recordFailure(credential.id(), channel, gate.maxAttempts(),
                now.plus(gate.lockPeriod()));
        if (failure.lockedNow()) {
            String client = SigningGate.OWNER.equals(channel) ? null : channel.substring("client:".length());
            subscribers.find(credential.nip()).ifPresent(s -> mailer.sendCredentialLocked(s.identity(), failure.lockedUntil(), client));
        }
        if (failure.lockedUntil() != null) {
            return gate.locked(failure.lockedUntil(), now, channel);
        }
        return new DomainException(ErrorCode.PASSPHRASE_WRONG, "Passphrase anda salah. Sisa percobaan: "
                + Math.max(0, gate.maxAttempts() - failure.failures()) + ".");
    }

    /**
     * Clears the count, stores the key re-sealed in the current format if it came that way; refuses when the credential
     * stopped being able to sign while the passphrase was checked.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rightPassphrase(Credential credential, String channel, Optional<byte[]> resealed) {
        attempts.recordSuccess(credential.id(), channel);
        resealed.ifPresent(blob -> credentials.replaceSealedKey(credential.id(), credential.sealedKey(), blob));
        Credential now = credentials.findById(credential.id()).orElseThrow(() ->
                new DomainException(ErrorCode.CERTIFICATE_NOT_FOUND, "Sertifikat tidak ditemukan."));
        gate.checkMaySign(now, clock.instant());
    }

    /** The credential now, when it may still sign (ACTIVE, not expired); the refusal otherwise. */
    @Transactional
    public Credential stillMaySign(java.util.UUID credentialId) {
        Credential now = credentials.findById(credentialId).orElseThrow(() ->
                new DomainException(ErrorCode.CERTIFICATE_NOT_FOUND, "Sertifikat tidak ditemukan."));
        gate.checkMaySign(now, clock.instant());
        return now;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Credential credential, String channel) {
        attempts.release(credential.id(), channel);
    }

    @Transactional
    public Optional<Instant> lockedUntil(Credential credential, String channel) {
        return attempts.lockedUntil(credential.id(), channel, clock.instant());
    }
}
