package id.teken.certificate.application.service;

import id.teken.certificate.application.ApprovalSettings;
import id.teken.certificate.application.port.in.SignHashUseCase;
import id.teken.certificate.application.port.in.SigningApprovalUseCase;
import id.teken.certificate.application.port.out.CertificateMailer;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.SigningApprovals;
import id.teken.certificate.application.port.out.SubscriberRepository;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.certificate.domain.SigningApproval;
import id.teken.certificate.domain.SigningGate;
import id.teken.certificate.domain.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing approvals: requested by a system client (a mail with the code and the link), approved by the owner with the
 * passphrase (the key opens for that many signatures on the client's channel, held in memory like every SAD), redeemed by
 * the client with the code. The approval and its SAD end together; after a restart an approval must be given again.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SigningApprovalService implements SigningApprovalUseCase {

    private final SigningApprovals approvals;
    private final SubscriberRepository subscribers;
    private final CredentialRepository credentials;
    private final SignHashUseCase signing;
    private final CertificateMailer mailer;
    private final ApprovalSettings settings;
    private final Clock clock;
    /** The SAD each approved request stands for (in this process only, as the SADs themselves). */
    private final Map<UUID, SignHashUseCase.Authorization> granted = new ConcurrentHashMap<>();

    @Override
    @Transactional
    public Requested request(RequestCommand command) {
        if (command.signatures() < 1 || command.signatures() > 100) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Jumlah dokumen (data) 1 sampai 100.");
        }
        String channel = SigningGate.channel(command.channel());
        if (SigningGate.OWNER.equals(channel)) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Persetujuan hanya untuk aplikasi klien.");
        }
        Subscriber subscriber = subscribers.find(command.nip()).orElseThrow(() -> new DomainException(ErrorCode.NO_CERTIFICATE,
                "Belum memiliki sertifikat elektronik."));
        Credential credential = credentials.findActive(command.nip()).orElseThrow(() -> new DomainException(ErrorCode.NO_CERTIFICATE,
                "Belum memiliki sertifikat elektronik."));
        Instant now = clock.instant();
        if (credential.status() != Credential.Status.ACTIVE || !now.isBefore(credential.notAfter())) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat tidak aktif.");
        }
        if (approvals.countRequestedSince(command.nip(), channel, now.minus(Duration.ofHours(1))) >= settings.maxRequestsPerHour()) {
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS, "Terlalu banyak permintaan TOTP untuk penanda tangan ini. Coba lagi nanti.",
                    Duration.ofMinutes(10));
        }
        SigningApproval.Issued issued = SigningApproval.issue(command.nip(), channel, command.clientName(), command.signatures(), now,
                settings.validity(), command.withPassphrase());
        approvals.save(issued.approval());
        if (command.withPassphrase()) {
            mailer.sendSigningCode(subscriber.identity(), command.clientName(), command.signatures(), issued.code(),
                    issued.approval().expiresAt());
        } else {
            mailer.sendSigningApproval(subscriber.identity(), command.clientName(), command.signatures(), issued.code(),
                    settings.publicUrl() + "/persetujuan/" + issued.token(), issued.approval().expiresAt());
        }
        return new Requested(issued.approval().expiresAt());
    }

    @Override
    public View view(String token) {
        SigningApproval a = live(token);
        return view(a);
    }

    @Override
    public View approve(String token, char[] passphrase) {
        try {
            SigningApproval a = live(token);
            if (a.approved()) {
                throw new DomainException(ErrorCode.LINK_USED, "Permintaan ini sudah Anda setujui.");
            }
            if (passphrase == null || passphrase.length == 0) {
                throw new DomainException(ErrorCode.PASSPHRASE_WRONG, "Passphrase wajib diisi.");
            }
            Instant now = clock.instant();
            // The key opens on the client's channel: wrong passphrases here lock that client's use, as they would there.
            SignHashUseCase.Authorization sad = signing.authorize(new SignHashUseCase.AuthorizeCommand(a.nip(), passphrase, a.channel(),
                    a.signatures(), List.of(), Duration.between(now, a.expiresAt())));
            if (!approvals.markApproved(a.id(), clock.instant())) {
                signing.revoke(sad.sad());
                throw new DomainException(ErrorCode.LINK_USED, "Permintaan ini sudah disetujui atau ditutup.");
            }
            granted.put(a.id(), sad);
            return view(new SigningApproval(a.id(), a.tokenHash(), a.codeHash(), a.nip(), a.channel(), a.clientName(), a.signatures(),
                    a.requestedAt(), a.expiresAt(), now, a.wrongCodes(), a.closedAt(), a.factor()));
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Override
    public SignHashUseCase.Authorization redeem(RedeemCommand command) {
        String channel = SigningGate.channel(command.channel());
        Instant now = clock.instant();
        // A second-factor code opens nothing without the passphrase: those requests are not looked at here.
        List<SigningApproval> open = approvals.openFor(command.nip(), channel, now).stream().filter(a -> !a.factor()).toList();
        if (command.code() == null || !command.code().trim().matches("[0-9]{6}")) {
            throw wrong();
        }
        for (SigningApproval a : open) {
            if (a.codeIs(command.code())) {
                if (!a.approved()) {
                    throw new DomainException(ErrorCode.APPROVAL_PENDING, "Penanda tangan belum menyetujui permintaan ini. Minta ia "
                            + "membuka tautan di emailnya dan menyetujuinya dengan passphrase.");
                }
                SignHashUseCase.Authorization sad = granted.get(a.id());
                if (sad == null || !now.isBefore(sad.expiresAt())) {
                    throw new DomainException(ErrorCode.AUTHORIZATION_INVALID, "Persetujuan sudah tidak berlaku. Minta TOTP baru.");
                }
                return sad;
            }
        }
        // A wrong code counts against every open request of this signer and client (guessing closes them).
        for (SigningApproval a : open) {
            if (approvals.countWrongCode(a.id(), now) >= SigningApproval.MAX_WRONG_CODES) {
                SignHashUseCase.Authorization sad = granted.remove(a.id());
                if (sad != null) {
                    signing.revoke(sad.sad());
                }
            }
        }
        throw wrong();
    }

    @Override
    public SignHashUseCase.Authorization authorizeWithCode(SignHashUseCase.AuthorizeCommand command, String code) {
        String channel = SigningGate.channel(command.channel());
        try {
            Instant now = clock.instant();
            List<SigningApproval> open = approvals.openFor(command.nip(), channel, now).stream().filter(SigningApproval::factor).toList();
            SigningApproval match = code == null || !code.trim().matches("[0-9]{6}") ? null
                    : open.stream().filter(a -> a.codeIs(code)).findFirst().orElse(null);
            if (match == null) {
                for (SigningApproval a : open) {
                    approvals.countWrongCode(a.id(), now);
                }
                throw wrong();
            }
            if (command.signatures() > match.signatures()) {
                throw new DomainException(ErrorCode.CODE_WRONG, "Kode TOTP ini untuk " + match.signatures() + " dokumen. Minta TOTP baru.");
            }
            // Spent before the passphrase is checked: one code, one passphrase try (parallel uses: one wins).
            if (!approvals.spend(match.id(), now)) {
                throw wrong();
            }
            return signing.authorize(command);
        } finally {
            if (command.passphrase() != null) {
                Arrays.fill(command.passphrase(), '\0');
            }
        }
    }

    private SigningApproval live(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw new DomainException(ErrorCode.LINK_UNKNOWN, "Tautan tidak dikenal.");
        }
        SigningApproval a = approvals.findByTokenHash(SigningApproval.hash(token)).filter(x -> !x.factor()).orElseThrow(() ->
                new DomainException(ErrorCode.LINK_UNKNOWN, "Tautan tidak dikenal."));
        if (a.closedAt() != null) {
            throw new DomainException(ErrorCode.LINK_USED, "Permintaan ini sudah ditutup.");
        }
        if (!clock.instant().isBefore(a.expiresAt())) {
            throw new DomainException(ErrorCode.LINK_EXPIRED, "Permintaan ini sudah kedaluwarsa. Minta aplikasi mengirim TOTP baru.");
        }
        return a;
    }

    private View view(SigningApproval a) {
        String nama = subscribers.find(a.nip()).map(s -> s.identity().nama()).orElse("-");
        return new View(nama, a.clientName(), a.signatures(), a.expiresAt(), a.approved() ? "DISETUJUI" : "MENUNGGU");
    }

    private static DomainException wrong() {
        return new DomainException(ErrorCode.CODE_WRONG, "Kode TOTP salah atau sudah tidak berlaku.");
    }
}
