package id.teken.signing.application.service;

import id.teken.signing.application.SigningSettings;
import id.teken.signing.application.port.in.RemoteSigningUseCase;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.application.port.out.SigningAuditTrail;
import id.teken.signing.application.port.out.SigningKeys;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.CertificateStatus;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The CSC-style remote signing over certificate-service's key custody: the credential is the signer's current certificate
 * (its serial is the credential id), the authorization a SAD bound to the hashes, on the owner's channel (one lockout for
 * every path the owner signs through).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class RemoteSigningService implements RemoteSigningUseCase {

    /** How long a CSC authorization may wait for its signHash (certificate-service caps it; 5 minutes there by default). */
    static final Duration AUTHORIZATION_LIFETIME = Duration.ofMinutes(5);
    private static final String OWNER = "owner";
    private static final Map<String, Integer> DIGEST_LENGTHS = Map.of("SHA-256", 32, "SHA-384", 48, "SHA-512", 64);

    private final SigningKeys keys;
    private final Clock clock;
    private final SigningAuditTrail audit;
    private final RecentSignerCertificates recent;
    private final SignDocumentUseCase documents;
    private final SigningSettings settings;

    @Override
    public List<Credential> credentials(String nip) {
        try {
            return List.of(current(nip));
        } catch (DomainException e) {
            if (e.code() == ErrorCode.NOT_REGISTERED) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public Credential credential(String nip, String credentialId) {
        return credential(nip, credentialId, false);
    }

    /**
     * {@code recently}: the certificate certificate-service gave within the last minute will do (authorize and signHash:
     * certificate-service checks status, lock and serial again itself); credentials/info asks afresh.
     */
    private Credential credential(String nip, String credentialId, boolean recently) {
        Credential current;
        try {
            current = recently ? recent(nip) : current(nip);
        } catch (DomainException e) {
            if (e.code() == ErrorCode.NOT_REGISTERED) {
                throw unknown();
            }
            throw e;
        }
        if (credentialId == null || !current.id().equalsIgnoreCase(credentialId.trim())) {
            throw unknown();
        }
        return current;
    }

    @Override
    public Authorization authorize(AuthorizeCommand command) {
        try {
            return authorizeOnce(command);
        } finally {
            if (command.passphrase() != null) {
                Arrays.fill(command.passphrase(), '\0');   // whatever the outcome
            }
        }
    }

    private Authorization authorizeOnce(AuthorizeCommand command) {
        boolean forDocuments = command.hashes() == null || command.hashes().isEmpty();
        if (forDocuments) {
            if (command.numSignatures() < 1 || command.numSignatures() > settings.maxBatchFiles()) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "hashes, or numSignatures (1 to " + settings.maxBatchFiles()
                        + " documents for signDoc).");
            }
        } else {
            checkHashes(command.hashes(), command.digestAlgorithm());
        }
        if (command.passphrase() == null || command.passphrase().length == 0) {
            throw new DomainException(ErrorCode.PASSPHRASE_REQUIRED, "Passphrase (PIN) wajib diisi.");
        }
        Credential credential = credential(command.nip(), command.credentialId(), true);
        try {
            if (credential.status() != CertificateStatus.ISSUE) {
                throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat berstatus " + credential.status() + ".");
            }
            SigningKeys.Authorization granted = keys.authorize(command.nip(), command.passphrase(), OWNER,
                    forDocuments ? command.numSignatures() : command.hashes().size(), forDocuments ? List.of() : command.hashes(),
                    AUTHORIZATION_LIFETIME).join();
            if (!credential.id().equalsIgnoreCase(granted.serialNumber())) {
                keys.revoke(granted.sad());   // the certificate changed meanwhile (a reset): the caller looks again
                recent.forget(command.nip());
                throw unknown();
            }
            long seconds = granted.expiresAt() == null ? AUTHORIZATION_LIFETIME.toSeconds()
                    : Math.max(1, Duration.between(clock.instant(), granted.expiresAt()).toSeconds());
            audit.record(command.nip(), "csc.authorized", credential.id(), forDocuments ? command.numSignatures() + " documents"
                    : command.hashes().size() + " " + command.digestAlgorithm());
            return new Authorization(granted.sad(), seconds);
        } catch (CompletionException e) {
            DomainException refused = e.getCause() instanceof DomainException d ? d : null;
            audit.record(command.nip(), "csc.authorize-refused", credential.id(), refused == null ? "failure" : refused.code().name());
            throw refused != null ? refused : e;
        } catch (DomainException e) {
            audit.record(command.nip(), "csc.authorize-refused", credential.id(), e.code().name());
            throw e;
        }
    }

    @Override
    public List<byte[]> signHashes(SignHashesCommand command) {
        checkHashes(command.hashes(), command.digestAlgorithm());
        if (command.sad() == null || command.sad().isBlank() || command.sad().length() > 100) {
            throw new DomainException(ErrorCode.AUTHORIZATION_INVALID, "SAD tidak dikenal.");
        }
        Credential credential = credential(command.nip(), command.credentialId(), true);
        try {
            // SCAL 2: only an authorization bound to these hashes signs them (one granted for documents does not).
            List<byte[]> values = keys.signAuthorized(command.nip(), command.sad().trim(), command.hashes(), command.digestAlgorithm(),
                    OWNER, false, false, true, command.pss()).values();
            audit.record(command.nip(), "csc.signed", credential.id(), values.size() + " " + command.digestAlgorithm()
                    + (command.pss() ? " PSS" : ""));
            return values;
        } catch (DomainException e) {
            audit.record(command.nip(), "csc.sign-refused", credential.id(), e.code().name());
            throw e;
        }
    }

    @Override
    public List<SignDocumentUseCase.SignedDocument> signDocuments(SignDocumentsCommand command) {
        if (command.sad() == null || command.sad().isBlank() || command.sad().length() > 100) {
            throw new DomainException(ErrorCode.AUTHORIZATION_INVALID, "SAD tidak dikenal.");
        }
        Credential credential = credential(command.nip(), command.credentialId(), true);
        try {
            List<SignDocumentUseCase.SignedDocument> signed = documents.sign(new SignDocumentUseCase.SignCommand(
                    SignDocumentUseCase.SignerRef.nip(command.nip()), SignDocumentUseCase.Requester.csc(command.nip()),
                    command.documents(), null, command.level(), List.of(Appearance.invisible(null, null, null)),
                    new SignDocumentUseCase.Authorized(command.sad().trim(), credential.id())));
            audit.record(command.nip(), "csc.signed-documents", credential.id(), signed.size() + " " + command.level().label());
            return signed;
        } catch (DomainException e) {
            audit.record(command.nip(), "csc.sign-refused", credential.id(), e.code().name());
            throw e;
        }
    }

    private Credential current(String nip) {
        return credential(keys.signerCertificate(nip, OWNER));
    }

    private Credential recent(String nip) {
        try {
            return credential(recent.lookUp(keys, nip, OWNER).join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof DomainException d ? d : e;
        }
    }

    private static Credential credential(SigningKeys.SignerCertificate c) {
        return new Credential(c.serialNumber(), c.status(), c.locked(), c.chainDer());
    }

    private static void checkHashes(List<byte[]> hashes, String digestAlgorithm) {
        Integer length = digestAlgorithm == null ? null : DIGEST_LENGTHS.get(digestAlgorithm);
        if (length == null) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "hashAlgorithmOID: SHA-256, SHA-384 or SHA-512.");
        }
        if (hashes == null || hashes.isEmpty() || hashes.size() > 100) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "hashes: 1 to 100.");
        }
        for (byte[] h : hashes) {
            if (h == null || h.length != length) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "every hash must be a " + digestAlgorithm + " digest.");
            }
        }
    }

    private static DomainException unknown() {
        return new DomainException(ErrorCode.CREDENTIAL_UNKNOWN, "credentialID bukan kredensial Anda.");
    }
}
