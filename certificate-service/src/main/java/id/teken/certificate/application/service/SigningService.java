package id.teken.certificate.application.service;

import id.teken.certificate.application.port.in.PublishPkiUseCase;
import id.teken.certificate.application.port.in.SignHashUseCase;
import id.teken.certificate.application.port.out.CertificateMailer;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.KeyCustody;
import id.teken.certificate.application.port.out.SubscriberRepository;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.certificate.domain.SigningGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Sign-hash behind the gate: only ISSUE signs; wrong passphrases are counted (committed even though the call fails). */
@ApplicationScoped
public class SigningService implements SignHashUseCase {

    private final CredentialRepository credentials;
    private final SubscriberRepository subscribers;
    private final KeyCustody keys;
    private final CertificateMailer mailer;
    private final PublishPkiUseCase pki;
    private final SigningGate gate;
    private final Clock clock;

    @Inject
    public SigningService(CredentialRepository credentials, SubscriberRepository subscribers, KeyCustody keys,
                          CertificateMailer mailer, PublishPkiUseCase pki, SigningGate gate, Clock clock) {
        this.credentials = credentials;
        this.subscribers = subscribers;
        this.keys = keys;
        this.mailer = mailer;
        this.pki = pki;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public SignedHash signHash(SignHashCommand command) {
        SignedHashes signed = signHashes(new SignHashesCommand(command.nip(), List.of(command.digest()), command.digestAlgorithm(),
                command.passphrase()));
        return new SignedHash(signed.signatures().get(0), signed.signatureAlgorithm(), signed.serialNumber(), signed.certificateChainPem());
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public SignedHashes signHashes(SignHashesCommand command) {
        try {
            Instant now = clock.instant();
            Credential credential = current(command.nip());
            gate.checkMaySign(credential, now);
            Optional<List<byte[]>> signatures = keys.signDigests(credential.id(), credential.sealedKey(), command.passphrase(),
                    command.digestAlgorithm(), command.digests());
            if (signatures.isEmpty()) {
                Credential counted = gate.afterWrongPassphrase(credential, now);
                credentials.save(counted);
                if (counted.lockedUntil() != null) {
                    subscribers.find(credential.nip()).ifPresent(s -> mailer.sendCredentialLocked(s.identity(), counted.lockedUntil()));
                    throw new DomainException(ErrorCode.CREDENTIAL_LOCKED, "Passphrase salah " + gate.maxAttempts()
                            + " kali; sertifikat terkunci sampai masa kunci berakhir. Pemilik telah diberi tahu melalui email.",
                            java.time.Duration.between(now, counted.lockedUntil()));
                }
                throw new DomainException(ErrorCode.PASSPHRASE_WRONG, "Passphrase anda salah. Sisa percobaan: "
                        + gate.remaining(counted) + ".");
            }
            if (credential.failedAttempts() > 0 || credential.lockedUntil() != null) {
                credentials.save(credential.withAttempts(0, null));
            }
            return new SignedHashes(signatures.get(), command.digestAlgorithm().replace("-", "") + "withRSA",
                    credential.serialNumber(), chain(credential));
        } finally {
            Arrays.fill(command.passphrase(), '\0');
        }
    }

    @Override
    @Transactional
    public SigningCertificate signingCertificate(String nip) {
        if (nip == null || !nip.matches("[0-9]{18}")) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "nip must be 18 digits.");
        }
        Credential credential = current(nip);
        Instant now = clock.instant();
        return new SigningCertificate(credential.serialNumber(), SigningGate.statusName(credential.status()),
                credential.lockedUntil() != null && now.isBefore(credential.lockedUntil()), chain(credential));
    }

    private List<String> chain(Credential credential) {
        List<String> chain = new ArrayList<>();
        chain.add(credential.certificatePem());
        String ca = pki.caChainPem();
        int split = ca.indexOf("-----BEGIN CERTIFICATE-----", 10);
        chain.add(ca.substring(0, split));
        chain.add(ca.substring(split));
        return chain;
    }

    private Credential current(String nip) {
        List<Credential> all = credentials.findByNip(nip);
        return all.stream().filter(c -> c.status() == Credential.Status.ACTIVE).findFirst()
                .or(() -> all.stream().reduce((a, b) -> b))
                .orElseThrow(() -> new DomainException(ErrorCode.CERTIFICATE_NOT_FOUND, "User tidak terdaftar atau belum memiliki sertifikat."));
    }
}
