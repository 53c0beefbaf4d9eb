package id.teken.certificate.application.service;

import id.teken.certificate.application.CertificateSettings;
import id.teken.certificate.application.SealSettings;
import id.teken.certificate.application.port.in.PublishPkiUseCase;
import id.teken.certificate.application.port.in.SealUseCase;
import id.teken.certificate.application.port.in.SignHashUseCase;
import id.teken.certificate.application.port.out.CertificateAuthority;
import id.teken.certificate.application.port.out.CertificateMailer;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.KeyCustody;
import id.teken.certificate.application.port.out.SealRepository;
import id.teken.certificate.application.port.out.VerifierAudit;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.certificate.domain.RevocationReason;
import id.teken.certificate.domain.SealCodes;
import id.teken.certificate.domain.SealSubscriber;
import id.teken.certificate.domain.SigningGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Seals: creation by an ADMIN (key and certificate at once, audited), the clients' activations and seal TOTPs (hashes only,
 * counted down by conditional updates), and the redemption of a seal TOTP into a signature authorization (SAD) bound to the
 * seal and the client, for as many signatures as documents were asked. No passphrase: the key is under the master key.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SealService implements SealUseCase {

    static final Set<RevocationReason> REASONS = Set.of(RevocationReason.UNSPECIFIED, RevocationReason.KEY_COMPROMISE,
            RevocationReason.AFFILIATION_CHANGED, RevocationReason.CESSATION_OF_OPERATION);
    private static final String ACTIVATION = "activation";
    private static final String TOTP = "seal";

    private final SealRepository seals;
    private final CredentialRepository credentials;
    private final KeyCustody keys;
    private final CertificateAuthority ca;
    private final PublishPkiUseCase pki;
    private final CertificateMailer mailer;
    private final VerifierAudit audit;
    private final SignatureAuthorizations authorizations;
    private final SigningGate gate;
    private final CertificateSettings certificateSettings;
    private final SealSettings settings;
    private final Clock clock;

    @Override
    @Transactional
    public SealView create(CreateCommand command) {
        String unit = SealSubscriber.unitName(command.unitName());
        String email = SealSubscriber.email(command.email(), settings.mailDomain());
        Instant now = clock.instant();
        SealSubscriber seal = new SealSubscriber(SealSubscriber.newId(), unit, email, settings.tenantName(),
                command.adminNip(), now);
        String action = "CREATE_SEAL";
        if (!seals.insert(seal)) {
            // The unit has a seal: while its certificate is active that is the one; after a revocation (or its end) the
            // same idSubscriber gets a new key and certificate, so the clients' settings stay (their activations do not).
            SealSubscriber existing = seals.findByUnit(unit).orElseThrow(() ->
                    new DomainException(ErrorCode.SEAL_EXISTS, "Unit \"" + unit + "\" sudah memiliki segel."));
            Credential current = credentials.findActiveSeal(existing.id()).orElse(null);
            if (current != null && !current.expiredAt(now)) {
                throw new DomainException(ErrorCode.SEAL_EXISTS, "Unit \"" + unit + "\" sudah memiliki segel aktif ("
                        + existing.id() + ").");
            }
            if (current != null && !credentials.transition(current, current.expire())) {
                throw new DomainException(ErrorCode.STATUS_CHANGED, "Status segel berubah saat tindakan ini diproses. Ulangi.");
            }
            seals.updateEmail(existing.id(), email);
            seals.deleteActivations(existing.id());
            seal = new SealSubscriber(existing.id(), existing.unitName(), email, existing.instansi(), existing.createdBy(),
                    existing.createdAt());
            action = "RENEW_SEAL";
        }
        UUID credentialId = UUID.randomUUID();
        KeyCustody.GeneratedKey key = keys.generateSeal(credentialId);
        Instant notAfter = now.plus(certificateSettings.certificateValidity());
        CertificateAuthority.IssuedCertificate cert = ca.issue(seal.identity(), key.publicKeyDer(), now, notAfter);
        Credential credential = new Credential(credentialId, null, cert.serialNumberHex(), cert.subjectDn(), cert.pem(), now, notAfter,
                Credential.Status.ACTIVE, null, null, key.sealedKey(), certificateSettings.subscriberAgreementVersion(), now, now);
        credentials.insertSeal(credential, seal.id());
        audit.record(now, command.adminNip(), action, credential.serialNumber(), seal.id() + " " + unit);
        return new SealView(seal, credential);
    }

    @Override
    @Transactional
    public List<SealView> list() {
        List<SealView> out = new ArrayList<>();
        for (SealSubscriber s : seals.all()) {
            out.add(new SealView(s, latest(s.id())));
        }
        return out;
    }

    @Override
    @Transactional
    public SealView find(String sealId) {
        SealSubscriber seal = seal(sealId);
        return new SealView(seal, latest(seal.id()));
    }

    @Override
    @Transactional
    public SealView revoke(String sealId, String reasonName, String adminNip) {
        RevocationReason reason = Arrays.stream(RevocationReason.values()).filter(r -> r.rfcName().equals(reasonName))
                .filter(REASONS::contains).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.REASON_INVALID, "Alasan harus salah satu dari: "
                        + REASONS.stream().map(RevocationReason::rfcName).sorted().toList() + "."));
        SealSubscriber seal = seal(sealId);
        Credential active = credentials.findActiveSeal(seal.id()).orElseThrow(() ->
                new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Segel ini sudah tidak aktif."));
        Credential revoked = active.revoke(reason, clock.instant());
        if (!credentials.transition(active, revoked)) {
            throw new DomainException(ErrorCode.STATUS_CHANGED, "Status segel berubah saat tindakan ini diproses. Muat ulang lalu ulangi.");
        }
        seals.deleteActivations(seal.id());
        audit.record(clock.instant(), adminNip, "REVOKE_SEAL", revoked.serialNumber(), seal.id() + " " + reason.rfcName());
        pki.refreshCrl();
        return new SealView(seal, revoked);
    }

    @Override
    @Transactional
    public SealCertificate certificate(String sealId) {
        SealSubscriber seal = seal(sealId);
        Credential c = latest(seal.id());
        if (c == null) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_FOUND, "Segel tidak memiliki sertifikat.");
        }
        Credential.Status status = c.status() == Credential.Status.ACTIVE && c.expiredAt(clock.instant())
                ? Credential.Status.EXPIRED : c.status();
        return new SealCertificate(seal.id(), seal.unitName(), c.serialNumber(), SigningGate.statusName(status),
                List.of(c.certificatePem(), SigningService.pem(pki.issuingCaDer()), SigningService.pem(pki.rootCaDer())));
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public Activation activate(String sealId, String declaredChannel, String clientName, String code) {
        String channel = clientChannel(declaredChannel);
        SealSubscriber seal = seal(sealId);
        Instant now = clock.instant();
        mayUse(seal, now);
        if (code == null || code.isBlank()) {
            String fresh = SealCodes.newActivationCode();
            Instant expires = now.plus(settings.activationValidity());
            if (!seals.putActivation(seal.id(), channel, SealCodes.hash(ACTIVATION, seal.id(), channel, fresh), now, expires,
                    now.minus(Duration.ofMinutes(1)))) {
                throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS, "TOTP aktivasi baru saja dikirim. Periksa email unit, atau coba lagi "
                        + "sebentar lagi.", Duration.ofMinutes(1));
            }
            mailer.sendSealActivation(seal.identity(), clientName == null ? channel : clientName, fresh, expires);
            return new Activation(null, expires, true);
        }
        checkActivation(seal.id(), channel, code, now);
        Instant expires = now.plus(settings.activationValidity());
        if (!seals.renewActivation(seal.id(), channel, now, expires)) {
            throw wrongCode();
        }
        return new Activation(code.trim(), expires, false);
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public void revokeActivation(String sealId, String declaredChannel, String code) {
        String channel = clientChannel(declaredChannel);
        SealSubscriber seal = seal(sealId);
        checkActivation(seal.id(), channel, code, clock.instant());
        seals.deleteActivation(seal.id(), channel);
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public SealTotp issueTotp(String sealId, String declaredChannel, String activationCode, int documents) {
        String channel = clientChannel(declaredChannel);
        if (documents < 1 || documents > 100) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Jumlah dokumen (data) 1 sampai 100.");
        }
        SealSubscriber seal = seal(sealId);
        Instant now = clock.instant();
        mayUse(seal, now);
        checkActivation(seal.id(), channel, activationCode, now);
        String code = SealCodes.newSealCode();
        Instant expires = now.plus(settings.totpValidity());
        seals.insertCode(UUID.randomUUID(), seal.id(), channel, SealCodes.hash(TOTP, seal.id(), channel, code), documents, now, expires);
        return new SealTotp(code, expires, documents);
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public SignHashUseCase.Authorization redeem(String sealId, String declaredChannel, String totp, int signatures) {
        String channel = clientChannel(declaredChannel);
        String id = SealSubscriber.normaliseId(sealId);
        Instant now = clock.instant();
        Credential credential = spend(id, channel, totp, signatures, now);
        KeyCustody.Unlocked key = keys.unlockSeal(credential.id(), credential.sealedKey());
        try {
            String sad = authorizations.grant(credential.id(), SealUseCase.owner(id), channel, key, signatures);
            return new SignHashUseCase.Authorization(sad, authorizations.expiry(sad), credential.serialNumber());
        } catch (RuntimeException e) {
            key.destroy();
            throw e;
        }
    }

    /** The seal TOTP's documents spent (a wrong code counts even as the call fails: no rollback for those). */
    private Credential spend(String sealId, String channel, String totp, int signatures, Instant now) {
        SealSubscriber seal = seal(sealId);
        Credential credential = mayUse(seal, now);
        if (seals.activationHash(seal.id(), channel, now).isEmpty()) {
            throw new DomainException(ErrorCode.SEAL_NOT_ACTIVATED, "Segel belum diaktivasi untuk aplikasi ini (seal/get/activation).");
        }
        if (!SealCodes.isSealCode(totp)) {
            throw counted(seal.id(), channel);
        }
        String hash = SealCodes.hash(TOTP, seal.id(), channel, totp);
        if (!seals.spendCode(seal.id(), channel, hash, signatures, now)) {
            if (seals.codeExists(seal.id(), channel, hash, now)) {
                throw new DomainException(ErrorCode.CODE_WRONG, "TOTP segel ini tidak cukup untuk " + signatures
                        + " dokumen lagi. Minta TOTP baru (seal/get/totp).");
            }
            throw counted(seal.id(), channel);
        }
        return credential;
    }

    private void checkActivation(String sealId, String channel, String code, Instant now) {
        String stored = seals.activationHash(sealId, channel, now).orElseThrow(() -> new DomainException(ErrorCode.SEAL_NOT_ACTIVATED,
                "Segel belum diaktivasi untuk aplikasi ini, atau aktivasinya sudah berakhir. Minta TOTP aktivasi baru."));
        if (!SealCodes.isActivationCode(code) || !SealCodes.same(stored, SealCodes.hash(ACTIVATION, sealId, channel, code))) {
            throw counted(sealId, channel);
        }
    }

    private DomainException counted(String sealId, String channel) {
        int wrong = seals.countWrongCode(sealId, channel, SealCodes.MAX_WRONG_CODES);
        return wrong >= SealCodes.MAX_WRONG_CODES
                ? new DomainException(ErrorCode.SEAL_NOT_ACTIVATED, "TOTP salah berulang kali: aktivasi segel untuk aplikasi ini ditutup. "
                        + "Minta TOTP aktivasi baru.")
                : wrongCode();
    }

    private static DomainException wrongCode() {
        return new DomainException(ErrorCode.CODE_WRONG, "Kode TOTP salah atau sudah tidak berlaku.");
    }

    /** The seal's active, unexpired credential; CERTIFICATE_NOT_ACTIVE otherwise. */
    private Credential mayUse(SealSubscriber seal, Instant now) {
        Credential c = credentials.findActiveSeal(seal.id()).orElseThrow(() ->
                new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat segel tidak aktif."));
        gate.checkMaySign(c, now);
        return c;
    }

    private SealSubscriber seal(String sealId) {
        String id = SealSubscriber.normaliseId(sealId);
        return seals.find(id).orElseThrow(() -> new DomainException(ErrorCode.SEAL_NOT_FOUND, "idSubscriber segel tidak dikenal."));
    }

    private Credential latest(String sealId) {
        List<Credential> all = credentials.findBySeal(sealId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** Seals are used by system clients only. */
    private static String clientChannel(String declared) {
        String channel = SigningGate.channel(declared);
        if (SigningGate.OWNER.equals(channel)) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Segel hanya untuk aplikasi klien.");
        }
        return channel;
    }
}
