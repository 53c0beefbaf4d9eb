package id.teken.certificate.application.service;

import id.teken.certificate.application.port.in.AnswerRevocationQueriesUseCase;
import id.teken.certificate.application.port.in.PublishPkiUseCase;
import id.teken.certificate.application.port.in.SignHashUseCase;
import id.teken.certificate.application.port.out.KeyCustody;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sign-hash behind the gate: only ISSUE signs. The try is reserved before the key derivation and settled after it
 * ({@link PassphraseGuard}), so however many calls run at once, at most the allowed number of wrong passphrases are
 * tried before the lock. No transaction is open while the key is derived.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SigningService implements SignHashUseCase {

    /** How long a call waits for a free try when every allowed one is being checked by parallel calls. */
    static final Duration ADMISSION_WAIT = Duration.ofSeconds(20);

    /**
     * Calls for one NIP and channel wait their turn here, in order of arrival, as many at once as tries are allowed: they
     * queue in memory instead of asking the database again and again. The database reservation behind it stays the
     * authority (several instances, a lapsed reservation).
     */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.Semaphore> turns =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final PassphraseGuard guard;
    private final KeyCustody keys;
    private final PublishPkiUseCase pki;
    private final AnswerRevocationQueriesUseCase revocation;
    private final SignatureAuthorizations authorizations;
    private final Clock clock;

    @Override
    public SignedHashes signHashes(SignHashesCommand command) {
        String channel = SigningGate.channel(command.channel());
        Opened opened = open(command.nip(), channel, command.passphrase());
        try {
            return answer(opened.credential(), keys.sign(opened.key(), command.digestAlgorithm(), command.digests()),
                    command.digestAlgorithm(), command.timestamps(), command.ocsp());
        } finally {
            opened.key().destroy();
        }
    }

    /** A credential whose passphrase was right, and its key opened for this call. */
    private record Opened(Credential credential, KeyCustody.Unlocked key) {
    }

    /**
     * The one passphrase check of every path (sign-hashes, authorizations): within the credential's turn, the attempt is
     * reserved before the key derivation, then counted wrong (and maybe locked) or right (and the key re-sealed if it
     * was sealed the old way); a failure in between gives the attempt back. The passphrase is wiped in every case.
     */
    private Opened open(String nip, String channel, char[] passphrase) {
        java.util.concurrent.Semaphore turn = turn(nip, channel);
        try {
            Credential credential = admit(nip, channel);
            Optional<KeyCustody.Unlocked> unlocked;
            try {
                unlocked = keys.unlock(credential.id(), credential.sealedKey(), passphrase);
            } catch (RuntimeException e) {
                guard.release(credential, channel);
                throw e;
            }
            if (unlocked.isEmpty()) {
                throw guard.wrongPassphrase(credential, channel);
            }
            try {
                guard.rightPassphrase(credential, channel, unlocked.get().resealed());
            } catch (RuntimeException e) {
                unlocked.get().destroy();
                throw e;
            }
            return new Opened(credential, unlocked.get());
        } finally {
            endTurn(nip, channel, turn);
            Arrays.fill(passphrase, '\0');
        }
    }

    private java.util.concurrent.Semaphore turn(String nip, String channel) {
        String key = nip + " " + channel;
        java.util.concurrent.Semaphore turn = turns.computeIfAbsent(key, k -> new java.util.concurrent.Semaphore(guard.maxAttempts(), true));
        try {
            if (!turn.tryAcquire(ADMISSION_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new DomainException(ErrorCode.CREDENTIAL_BUSY, "Passphrase sertifikat ini sedang diperiksa untuk permintaan lain. "
                        + "Coba lagi sebentar lagi.", Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.CREDENTIAL_BUSY, "Permintaan dibatalkan.", Duration.ofSeconds(2));
        }
        return turn;
    }

    private void endTurn(String nip, String channel, java.util.concurrent.Semaphore turn) {
        turn.release();
        // Forget an idle queue (a later caller makes a new one; the database reservation keeps any overlap safe).
        turns.computeIfPresent(nip + " " + channel, (k, t) -> t == turn && t.availablePermits() == guard.maxAttempts()
                && !t.hasQueuedThreads() ? null : t);
    }

    /** The values, with a time-stamp token over each and then the signer's OCSP answer when asked (B-T, B-LT). */
    private SignedHashes answer(Credential credential, List<byte[]> signatures, String digestAlgorithm, boolean timestamps, boolean ocsp) {
        // A batch's tokens are independent RSA signatures of the TSA: made on the cores in parallel, kept in order.
        List<byte[]> tokens = !timestamps ? List.of() : signatures.size() == 1 ? List.of(revocation.timestampTokenOver(signatures.get(0)))
                : signatures.parallelStream().map(revocation::timestampTokenOver).toList();
        byte[] status = ocsp ? revocation.ocspFor(credential.serialNumber()) : null;
        return new SignedHashes(signatures, digestAlgorithm.replace("-", "") + "withRSA", credential.serialNumber(), chain(credential),
                tokens, status);
    }

    @Override
    public Authorization authorize(AuthorizeCommand command) {
        String channel = SigningGate.channel(command.channel());
        Opened opened = open(command.nip(), channel, command.passphrase());
        String sad;
        try {
            sad = authorizations.grant(opened.credential().id(), command.nip(), channel, opened.key(), command.signatures(),
                    command.hashes(), command.lifetime());
        } catch (RuntimeException e) {
            opened.key().destroy();
            throw e;
        }
        return new Authorization(sad, authorizations.expiry(sad), opened.credential().serialNumber());
    }

    @Override
    public SignedHashes signAuthorized(SignAuthorizedCommand command) {
        String channel = SigningGate.channel(command.channel());
        SignatureAuthorizations.Grant grant = authorizations.take(command.sad(), command.nip(), channel, command.digests(),
                        command.boundOnly())
                .orElseThrow(() -> new DomainException(ErrorCode.AUTHORIZATION_INVALID,
                        "Otorisasi tanda tangan tidak dikenal, sudah dipakai atau kedaluwarsa."));
        try {
            // The credential as it is now: a suspension or revocation since the authorization wins.
            Credential credential = guard.stillMaySign(grant.credentialId());
            if (command.pss()) {
                List<byte[]> values = keys.signPss(grant.key(), command.digestAlgorithm(), command.digests());
                SignedHashes pkcs1Named = answer(credential, values, command.digestAlgorithm(), command.timestamps(), command.ocsp());
                return new SignedHashes(values, "RSASSA-PSS", pkcs1Named.serialNumber(), pkcs1Named.certificateChainPem(),
                        pkcs1Named.timestampTokens(), pkcs1Named.ocspResponse());
            }
            return answer(credential, keys.sign(grant.key(), command.digestAlgorithm(), command.digests()), command.digestAlgorithm(),
                    command.timestamps(), command.ocsp());
        } finally {
            authorizations.release(grant, command.sad());
        }
    }

    @Override
    public void expireAuthorizations() {
        authorizations.sweep();
    }

    @Override
    public void revoke(String sad) {
        if (sad != null) {
            authorizations.revoke(sad);
        }
    }

    private Credential admit(String nip, String channel) {
        Instant deadline = clock.instant().plus(ADMISSION_WAIT);
        long pause = 5;
        while (true) {
            Optional<Credential> admitted = guard.tryAdmit(nip, channel);
            if (admitted.isPresent()) {
                return admitted.get();
            }
            if (clock.instant().isAfter(deadline)) {
                throw new DomainException(ErrorCode.CREDENTIAL_BUSY, "Passphrase sertifikat ini sedang diperiksa untuk permintaan lain. "
                        + "Coba lagi sebentar lagi.", Duration.ofSeconds(2));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DomainException(ErrorCode.CREDENTIAL_BUSY, "Permintaan dibatalkan.", Duration.ofSeconds(2));
            }
            pause = Math.min(pause * 2, 50);
        }
    }

    @Override
    @Transactional
    public SigningCertificate signingCertificate(String nip, String declaredChannel) {
        if (nip == null || !nip.matches("[0-9]{18}")) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "nip must be 18 digits.");
        }
        Credential credential = guard.current(nip);
        Instant now = clock.instant();
        Credential.Status status = credential.status() == Credential.Status.ACTIVE && credential.expiredAt(now)
                ? Credential.Status.EXPIRED : credential.status();
        boolean locked = guard.lockedUntil(credential, SigningGate.channel(declaredChannel)).isPresent();
        return new SigningCertificate(credential.serialNumber(), SigningGate.statusName(status), locked, chain(credential));
    }

    /** Leaf, issuing CA, root (PEM): what signatures embed, so that a validator trusting only the root builds the path. */
    private List<String> chain(Credential credential) {
        List<String> chain = new ArrayList<>();
        chain.add(credential.certificatePem());
        chain.add(pem(pki.issuingCaDer()));
        chain.add(pem(pki.rootCaDer()));
        return chain;
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }
}
