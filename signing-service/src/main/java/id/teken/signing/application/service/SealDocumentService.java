package id.teken.signing.application.service;

import id.teken.signing.application.SigningSettings;
import id.teken.signing.application.port.in.SealDocumentUseCase;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.application.port.in.SignDocumentUseCase.SignedDocument;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.application.port.out.SealKeys;
import id.teken.signing.application.port.out.SignedDocuments;
import id.teken.signing.application.port.out.SignerDirectory;
import id.teken.signing.application.port.out.SigningEvents;
import id.teken.signing.application.port.out.SigningKeys;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.SystemClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sealing: a system client within its failure budget and whose scope covers the seal's unit; the PDFs are checked and
 * prepared for the seal's certificate, then the seal TOTP is spent for exactly that many documents (certificate-service
 * opens the seal's key for them, through this client only), the values come back with their time stamps and OCSP answer,
 * and the sealed documents are recorded with their events in one transaction. Every attempt becomes a document.signed
 * event with the seal's id.
 */
@ApplicationScoped
public class SealDocumentService implements SealDocumentUseCase {

    private static final String HEADING = "Disegel secara elektronik oleh:";

    private final SealKeys seals;
    private final SigningKeys keys;
    private final PdfSigner signer;
    private final SigningEvents events;
    private final SignedDocuments documents;
    private final ClientBudget budget;
    private final SigningSettings settings;
    private final Clock clock;
    private final Transactions transactions;
    private final DocumentWork work;
    private final SignaturePreparer preparer;

    @Inject
    public SealDocumentService(SealKeys seals, SigningKeys keys, PdfSigner signer, SigningEvents events, SignedDocuments documents,
                               SignerDirectory directory, ClientBudget budget, SigningSettings settings, Clock clock,
                               Transactions transactions, DocumentWork work) {
        this.seals = seals;
        this.keys = keys;
        this.signer = signer;
        this.events = events;
        this.documents = documents;
        this.budget = budget;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
        this.work = work;
        this.preparer = new SignaturePreparer(signer, directory, settings, work);
    }

    @Override
    public Activation activate(String sealId, SignDocumentUseCase.Requester requester, String code) {
        SystemClient client = client(requester);
        return charged(client, () -> {
            inScope(client, sealId);
            SealKeys.Activation a = seals.activate(sealId, requester.clientId(), client.username(), blankToNull(code));
            return new Activation(a.code(), a.expiresAt(), a.mailed());
        });
    }

    @Override
    public void revokeActivation(String sealId, SignDocumentUseCase.Requester requester, String code) {
        SystemClient client = client(requester);
        charged(client, () -> {
            inScope(client, sealId);
            if (blankToNull(code) == null) {
                throw new DomainException(ErrorCode.TOTP_WRONG, "totp (TOTP aktivasi) wajib diisi.");
            }
            seals.revokeActivation(sealId, requester.clientId(), code.trim());
            return null;
        });
    }

    @Override
    public Totp totp(String sealId, SignDocumentUseCase.Requester requester, String activationCode, int count) {
        SystemClient client = client(requester);
        return charged(client, () -> {
            if (count < 1 || count > settings.maxBatchFiles()) {
                throw new DomainException(ErrorCode.TOO_MANY_FILES, "Jumlah dokumen (data) 1 sampai " + settings.maxBatchFiles() + ".");
            }
            inScope(client, sealId);
            if (blankToNull(activationCode) == null) {
                throw new DomainException(ErrorCode.TOTP_WRONG, "totp (TOTP aktivasi) wajib diisi.");
            }
            SealKeys.Totp t = seals.totp(sealId, requester.clientId(), activationCode.trim(), count);
            return new Totp(t.code(), t.expiresAt(), t.documents());
        });
    }

    @Override
    public List<SignedDocument> seal(SealCommand command) {
        SystemClient client = client(command.requester());
        if (command.documents().size() > settings.maxBatchFiles()) {
            throw new DomainException(ErrorCode.TOO_MANY_FILES, "Maksimal " + settings.maxBatchFiles() + " berkas per permintaan.");
        }
        SigningAttempt attempt = new SigningAttempt(clock.instant(), command.documents().size(), null);
        attempt.heading = HEADING;
        String clientId = command.requester().clientId();
        try {
            transactions.run(() -> budget.checkMaySign(client));
            SealKeys.SealCertificate seal = inScope(client, command.sealId());
            SigningKeys.SignerCertificate certificate = seal.certificate();
            if (!certificate.status().signs()) {
                throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat segel berstatus " + certificate.status()
                        + "; hanya sertifikat berstatus ISSUE yang dapat menyegel.");
            }
            attempt.profile = new SignerDirectory.Signer(null, null, seal.unitName(), null, seal.unitName(), null, null);
            attempt.mark("resolve");
            SignDocumentUseCase.SignCommand asDocuments = new SignDocumentUseCase.SignCommand(SignDocumentUseCase.SignerRef.nip(null),
                    command.requester(), command.documents(), null, command.level(), command.appearances());
            List<PdfSigner.Inspected> inspected = preparer.inspectAll(asDocuments, attempt);
            attempt.mark("inspect");
            List<PdfSigner.Prepared> prepared = preparer.prepareAll(asDocuments, attempt, inspected, certificate);
            attempt.mark("prepare");
            // Only now, with every document ready, is the TOTP spent: for exactly these documents.
            SigningKeys.Authorization granted = seals.redeem(seal.sealId(), clientId, command.totp().trim(), prepared.size());
            attempt.mark("totp");
            if (!granted.serialNumber().equals(certificate.serialNumber())) {
                keys.revoke(granted.sad());
                throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Sertifikat segel baru saja berganti. Coba lagi.");
            }
            long remoteStart = System.nanoTime();
            SigningKeys.Signatures signatures = keys.signAuthorized(SealKeys.owner(seal.sealId()), granted.sad(),
                    prepared.stream().map(PdfSigner.Prepared::digest).toList(), "SHA-256", clientId, command.level() != PadesLevel.B_B,
                    command.level().longTerm(), false);
            long remoteMillis = (System.nanoTime() - remoteStart) / 1_000_000;
            attempt.mark("sign");
            List<byte[]> sealed = preparer.eachDocument(attempt, prepared.size(), i -> signer.finish(prepared.get(i),
                    signatures.values().get(i), new PdfSigner.Evidence(signatures.timestampToken(i), signatures.ocspResponse())));
            attempt.mark("finish");
            List<String> hashes = work.each(sealed.size(), i -> SignDocumentService.sha256(sealed.get(i)));
            transactions.run(() -> {
                for (int i = 0; i < hashes.size(); i++) {
                    String id = attempt.ids.get(i);
                    documents.save(new SignedDocuments.SignedDocumentRecord(UUID.fromString(id), null, seal.unitName(),
                            certificate.serialNumber(), hashes.get(i), command.level().label(), clientId, attempt.now));
                    events.sealed(id, seal.sealId(), certificate.serialNumber(), clientId, hashes.get(i), command.level().label(), attempt.now);
                }
            });
            attempt.mark("record");
            long totalMillis = java.time.Duration.between(attempt.now, clock.instant()).toMillis();
            List<SignedDocument> out = new ArrayList<>();
            for (int i = 0; i < sealed.size(); i++) {
                out.add(new SignedDocument(attempt.ids.get(i), command.documents().get(i).name(), sealed.get(i), hashes.get(i),
                        command.level(), certificate.serialNumber(), remoteMillis, totalMillis, attempt.timing()));
            }
            return out;
        } catch (DomainException e) {
            transactions.run(() -> {
                events.sealFailed(attempt.ids.get(attempt.file), command.sealId(), clientId,
                        SignDocumentService.sha256(command.documents().get(attempt.file).bytes()), e.code().name(), attempt.now);
                budget.charge(client, e.code());
            });
            throw e;
        }
    }

    /** The seal, when the client's scope covers its unit (an unknown seal and one outside the scope answer alike). */
    private SealKeys.SealCertificate inScope(SystemClient client, String sealId) {
        if (sealId == null || !sealId.trim().toUpperCase(java.util.Locale.ROOT).matches("SEGEL-[0-9A-Z]{16}")) {
            throw new DomainException(ErrorCode.SEAL_NOT_FOUND, "idSubscriber segel tidak dikenal.");
        }
        SealKeys.SealCertificate seal = seals.sealCertificate(sealId.trim().toUpperCase(java.util.Locale.ROOT));
        if (!client.scope().covers(null, seal.unitName())) {
            throw new DomainException(ErrorCode.CLIENT_SCOPE, "Aplikasi ini tidak diizinkan memakai segel unit tersebut. Minta ADMIN "
                    + "menambahkan unitnya ke cakupan aplikasi.");
        }
        return seal;
    }

    /** A step whose failure is charged to the client's failure budget, as a signature's is. */
    private <T> T charged(SystemClient client, java.util.function.Supplier<T> step) {
        try {
            transactions.run(() -> budget.checkMaySign(client));
            return step.get();
        } catch (DomainException e) {
            if (e.code() != ErrorCode.CLIENT_THROTTLED) {
                transactions.run(() -> budget.charge(client, e.code()));
            }
            throw e;
        }
    }

    private static SystemClient client(SignDocumentUseCase.Requester requester) {
        if (requester == null || requester.client() == null) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Segel hanya untuk aplikasi klien.");
        }
        return requester.client();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
