package id.teken.signing.application.service;

import id.teken.signing.application.SigningSettings;
import id.teken.signing.application.port.in.RequestSigningApprovalUseCase;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.application.port.out.SignedDocuments;
import id.teken.signing.application.port.out.SignerDirectory;
import id.teken.signing.application.port.out.SignerStatuses;
import id.teken.signing.application.port.out.SigningEvents;
import id.teken.signing.application.port.out.SigningKeys;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.SystemClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Signing: check the requester (a system client within its failure budget and scope), the PDFs and where their blocks
 * go, find the signer (by NIP, or NIK/email for system clients), refuse at once a certificate that is not ISSUE or is
 * locked, let DSS build each signature around the remote sign-hash, and record the signed documents with their audit
 * events in one transaction. Every attempt, failed or not, becomes a document.signed event; nothing is recorded as signed
 * unless it is delivered.
 */
@ApplicationScoped
public class SignDocumentService implements SignDocumentUseCase, RequestSigningApprovalUseCase {

    private final SigningKeys keys;
    private final PdfSigner signer;
    private final SigningEvents events;
    private final SignedDocuments documents;
    private final SignerStatuses statuses;
    private final SignerDirectory directory;
    private final ClientBudget budget;
    private final SigningSettings settings;
    private final Clock clock;
    private final Transactions transactions;
    private final DocumentWork work;
    private final RecentSignerCertificates recent;
    private final SignaturePreparer preparer;

    @Inject
    public SignDocumentService(SigningKeys keys, PdfSigner signer, SigningEvents events, SignedDocuments documents,
                               SignerStatuses statuses, SignerDirectory directory, ClientBudget budget, SigningSettings settings,
                               Clock clock, Transactions transactions, DocumentWork work, RecentSignerCertificates recent) {
        this.transactions = transactions;
        this.work = work;
        this.recent = recent;
        this.preparer = new SignaturePreparer(signer, directory, settings, work);
        this.keys = keys;
        this.signer = signer;
        this.events = events;
        this.documents = documents;
        this.statuses = statuses;
        this.directory = directory;
        this.budget = budget;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * No transaction is held across the remote steps: the database is touched in short transactions (the checks, the
     * record of a failure, the record of the signed documents with their events).
     */
    @Override
    public List<SignedDocument> sign(SignCommand command) {
        if (command.documents().size() > settings.maxBatchFiles()) {
            throw new DomainException(ErrorCode.TOO_MANY_FILES, "Maksimal " + settings.maxBatchFiles() + " berkas per permintaan.");
        }
        SigningAttempt attempt = new SigningAttempt(clock.instant(), command.documents().size(), command.signer().nip());
        SystemClient client = command.requester().client();
        try {
            boolean withPassphrase = command.passphrase() != null && command.passphrase().length > 0;
            boolean codeGiven = command.totp() != null && !command.totp().isBlank();
            // A client whose sign TOTP is a second factor: the mailed code with the passphrase, always; otherwise a code
            // without a passphrase stands for the signer's approval.
            boolean secondFactor = client != null && client.totpWithPassphrase() && command.authorized() == null;
            boolean byCode = !secondFactor && codeGiven && !withPassphrase;
            if (codeGiven && client == null) {
                throw new DomainException(ErrorCode.PASSPHRASE_REQUIRED, "TOTP hanya untuk aplikasi klien; gunakan passphrase.");
            }
            if (command.authorized() == null && !byCode && !withPassphrase) {
                throw new DomainException(ErrorCode.PASSPHRASE_REQUIRED, "Passphrase wajib diisi.");
            }
            if (secondFactor && !codeGiven) {
                throw new DomainException(ErrorCode.TOTP_WRONG, "Aplikasi ini menandatangani dengan passphrase dan TOTP: minta TOTP "
                        + "(sign/get/totp) lalu kirim totp bersama passphrase.");
            }
            if (client != null) {
                transactions.run(() -> budget.checkMaySign(client));
            }
            resolveSigner(command.signer(), client, attempt);
            CompletableFuture<SigningKeys.SignerCertificate> certificateLookup = recent.lookUp(keys, attempt.nip,
                    command.requester().clientId());
            attempt.mark("resolve");
            List<PdfSigner.Inspected> inspected = preparer.inspectAll(command, attempt);
            attempt.mark("inspect");
            // The documents are fine: the passphrase check starts now and runs while they are prepared (or the authorization
            // granted before stands in for it).
            CompletableFuture<SigningKeys.Authorization> authorization = command.authorized() != null
                    ? CompletableFuture.completedFuture(new SigningKeys.Authorization(command.authorized().sad(),
                            command.authorized().serialNumber()))
                    : byCode ? CompletableFuture.completedFuture(keys.redeemApproval(attempt.nip, command.requester().clientId(),
                            command.totp().trim()))
                    : secondFactor ? keys.authorizeWithCode(attempt.nip, command.passphrase(), command.requester().clientId(),
                            command.documents().size(), command.totp().trim())
                    : keys.authorize(attempt.nip, command.passphrase(), command.requester().clientId(), command.documents().size());
            try {
                SigningKeys.SignerCertificate certificate = join(certificateLookup);
                attempt.mark("lookup");
                if (!certificate.status().signs()) {
                    throw notActive(certificate.status());
                }
                if (certificate.locked()) {
                    throw new DomainException(ErrorCode.CREDENTIAL_LOCKED, "Sertifikat terkunci karena passphrase salah berulang kali.");
                }
                return signAndRecord(command, attempt, inspected, certificate, authorization);
            } catch (RuntimeException e) {
                // Whatever stopped the signature: an authorization granted meanwhile is thrown away.
                authorization.thenAccept(granted -> keys.revoke(granted.sad()));
                throw e;
            }
        } catch (DomainException e) {
            if (e.code() == ErrorCode.CERTIFICATE_NOT_ACTIVE || e.code() == ErrorCode.CREDENTIAL_LOCKED
                    || e.code() == ErrorCode.NOT_REGISTERED) {
                recent.forget(attempt.nip);
            }
            transactions.run(() -> {
                events.failed(attempt.ids.get(attempt.file), attempt.nip, command.requester().clientId(),
                        sha256(command.documents().get(attempt.file).bytes()), e.code().name(), attempt.now);
                if (client != null) {
                    budget.charge(client, e.code());
                }
            });
            throw e;
        } finally {
            Arrays.fill(command.passphrase() == null ? new char[0] : command.passphrase(), '\0');
        }
    }

    /**
     * Asks the signer's approval for a system client (BSrE's sign TOTP): the same checks as a signature (budget, signer,
     * scope, status), then certificate-service mails the code and the link. A refusal is charged like a signature's.
     */
    @Override
    public Instant requestApproval(SignerRef signer, Requester requester, int documents) {
        SystemClient client = requester.client();
        if (client == null) {
            throw new DomainException(ErrorCode.FORBIDDEN, "TOTP hanya untuk aplikasi klien.");
        }
        if (documents < 1 || documents > settings.maxBatchFiles()) {
            throw new DomainException(ErrorCode.TOO_MANY_FILES, "Jumlah dokumen (data) 1 sampai " + settings.maxBatchFiles() + ".");
        }
        SigningAttempt attempt = new SigningAttempt(clock.instant(), 1, signer.nip());
        try {
            transactions.run(() -> budget.checkMaySign(client));
            resolveSigner(signer, client, attempt);
            return keys.requestApproval(attempt.nip, requester.clientId(), client.username(), documents, client.totpWithPassphrase());
        } catch (DomainException e) {
            transactions.run(() -> budget.charge(client, e.code()));
            throw e;
        }
    }

    /**
     * The signer's NIP (a system client names them by NIK or email), then the checks that need no key: a system client's
     * scope, and the status projection, which refuses a suspended, revoked or expired signer without a remote call.
     */
    private void resolveSigner(SignerRef ref, SystemClient client, SigningAttempt attempt) {
        if (attempt.nip == null) {
            attempt.profile = directory.find(null, ref.nik(), ref.email()).orElseThrow(() ->
                    new DomainException(ErrorCode.NOT_REGISTERED, "User tidak terdaftar."));
            attempt.nip = attempt.profile.nip();
        }
        if (client != null && !client.scope().covers(attempt.nip, null)) {
            if (client.scope().needsUnit(attempt.nip) && attempt.profile == null) {
                attempt.profile = directory.find(attempt.nip, null, null).orElse(null);
            }
            String unit = attempt.profile == null ? null : attempt.profile.unitOrganisasi();
            if (!client.scope().covers(attempt.nip, unit)) {
                throw new DomainException(ErrorCode.CLIENT_SCOPE, "Aplikasi ini tidak diizinkan menandatangani atas nama pegawai "
                        + "tersebut. Minta ADMIN menambahkan unit atau NIP-nya ke cakupan aplikasi.");
            }
        }
        transactions.run(() -> statuses.find(attempt.nip)).filter(s -> !s.status().signs()).ifPresent(s -> {
            throw notActive(s.status());
        });
    }

    /**
     * Every signature is prepared first; one call to certificate-service signs all digests with one passphrase check (the
     * key is unwrapped once); then the values are embedded (and time-stamped for B-T/B-LT), and only then are the documents
     * recorded and their events written.
     */
    private List<SignedDocument> signAndRecord(SignCommand command, SigningAttempt attempt, List<PdfSigner.Inspected> inspected,
                                               SigningKeys.SignerCertificate certificate,
                                               CompletableFuture<SigningKeys.Authorization> authorization) {
        long started = System.nanoTime();
        List<PdfSigner.Prepared> prepared = preparer.prepareAll(command, attempt, inspected, certificate);
        attempt.mark("prepare");
        long remoteStart = System.nanoTime();
        boolean timestamped = command.level() != PadesLevel.B_B;
        SigningKeys.Authorization granted = join(authorization);
        attempt.mark("passphrase");
        if (!granted.serialNumber().equals(certificate.serialNumber())) {
            // The certificate changed since it was looked up (a reset or renewal, or an answer kept from a minute ago):
            // prepare again for the one certificate-service signs with; never sign with a mismatch.
            recent.forget(attempt.nip);
            SigningKeys.SignerCertificate current = keys.signerCertificate(attempt.nip, command.requester().clientId());
            if (!current.serialNumber().equals(granted.serialNumber()) || !current.status().signs()) {
                keys.revoke(granted.sad());
                throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Sertifikat baru saja berganti. Coba lagi.");
            }
            certificate = current;
            prepared = preparer.prepareAll(command, attempt, inspected, certificate);
            attempt.mark("prepare-again");
        }
        List<PdfSigner.Prepared> ready = prepared;
        SigningKeys.Signatures signatures = signValues(command, attempt, granted,
                ready.stream().map(PdfSigner.Prepared::digest).toList(), timestamped);
        long remoteMillis = (System.nanoTime() - remoteStart) / 1_000_000;
        attempt.mark("sign");
        List<byte[]> signedPdfs = preparer.eachDocument(attempt, ready.size(), i -> signer.finish(ready.get(i),
                signatures.values().get(i), new PdfSigner.Evidence(signatures.timestampToken(i), signatures.ocspResponse())));
        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        attempt.mark("finish");
        List<String> hashes = work.each(signedPdfs.size(), i -> sha256(signedPdfs.get(i)));
        record(command, attempt, certificate, hashes);
        attempt.mark("record");
        List<SignedDocument> out = new ArrayList<>();
        for (int i = 0; i < signedPdfs.size(); i++) {
            out.add(new SignedDocument(attempt.ids.get(i), command.documents().get(i).name(), signedPdfs.get(i), hashes.get(i),
                    command.level(), certificate.serialNumber(), remoteMillis, totalMillis, attempt.timing()));
        }
        return out;
    }

    /** The values (with time stamps and OCSP as the level needs) under the authorization, or with the passphrase once more. */
    private SigningKeys.Signatures signValues(SignCommand command, SigningAttempt attempt, SigningKeys.Authorization granted,
                                              List<byte[]> digests, boolean timestamped) {
        try {
            return keys.signAuthorized(attempt.nip, granted.sad(), digests, "SHA-256", command.requester().clientId(), timestamped,
                    command.level().longTerm(), false);
        } catch (DomainException e) {
            SystemClient client = command.requester().client();
            if (e.code() != ErrorCode.AUTHORIZATION_INVALID || command.passphrase() == null
                    || client != null && client.totpWithPassphrase()) {
                throw e;   // an authorization granted before and now unusable: the caller asks for a new one
            }
            // certificate-service lost the authorization (a restart, another instance, too slow a batch): check again with it.
            return keys.signDigests(attempt.nip, digests, "SHA-256", command.passphrase(), command.requester().clientId(), timestamped,
                    command.level().longTerm());
        }
    }

    /** The signed documents and their document.signed events, in one transaction (the outbox). */
    private void record(SignCommand command, SigningAttempt attempt, SigningKeys.SignerCertificate certificate, List<String> hashes) {
        transactions.run(() -> {
            for (int i = 0; i < hashes.size(); i++) {
                String id = attempt.ids.get(i);
                documents.save(new SignedDocuments.SignedDocumentRecord(UUID.fromString(id), attempt.nip,
                        certificate.subjectCommonName(), certificate.serialNumber(), hashes.get(i), command.level().label(),
                        command.requester().clientId(), attempt.now));
                events.signed(id, attempt.nip, certificate.serialNumber(), command.requester().clientId(), hashes.get(i),
                        command.level().label(), attempt.now);
            }
        });
    }

    /** The value of a remote step, or its DomainException as it was thrown. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof DomainException d) {
                throw d;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Layanan sertifikat tidak dapat dihubungi. Coba lagi nanti.");
        }
    }

    private static DomainException notActive(id.teken.signing.domain.CertificateStatus status) {
        return new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat berstatus " + status
                + "; hanya sertifikat berstatus ISSUE yang dapat menandatangani.");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
