package id.teken.signing.application.service;

import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.application.port.out.SigningEvents;
import id.teken.signing.application.port.out.SigningKeys;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One signature: check the PDF, ask certificate-service for the signer's chain (refusing at once when the
 * certificate is not ISSUE or is locked), let DSS build the signature around the remote sign-hash, audit.
 * Every attempt, failed or not, becomes a document.signed event.
 */
@ApplicationScoped
public class SignDocumentService implements SignDocumentUseCase {

    private final SigningKeys keys;
    private final PdfSigner signer;
    private final SigningEvents events;
    private final id.teken.signing.application.port.out.SignedDocuments documents;
    private final id.teken.signing.application.port.out.SignerStatuses statuses;
    private final Clock clock;

    @Inject
    public SignDocumentService(SigningKeys keys, PdfSigner signer, SigningEvents events,
                               id.teken.signing.application.port.out.SignedDocuments documents,
                               id.teken.signing.application.port.out.SignerStatuses statuses, Clock clock) {
        this.keys = keys;
        this.signer = signer;
        this.events = events;
        this.documents = documents;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public SignedDocument sign(SignDocumentCommand command) {
        String documentId = UUID.randomUUID().toString();
        String sha256 = sha256(command.document().bytes());
        Instant now = clock.instant();
        try {
            if (command.passphrase() == null || command.passphrase().length == 0) {
                throw new DomainException(ErrorCode.PASSPHRASE_REQUIRED, "Passphrase wajib diisi.");
            }
            // The projection refuses a suspended, revoked or expired signer at once, without a remote call.
            statuses.find(command.nip()).filter(s -> !"ISSUE".equals(s.status())).ifPresent(s -> {
                throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat berstatus " + s.status()
                        + "; hanya sertifikat berstatus ISSUE yang dapat menandatangani.");
            });
            signer.checkReadable(command.document().bytes());
            SigningKeys.SignerCertificate certificate = keys.signerCertificate(command.nip());
            if (!"ISSUE".equals(certificate.status())) {
                throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat berstatus " + certificate.status()
                        + "; hanya sertifikat berstatus ISSUE yang dapat menandatangani.");
            }
            if (certificate.locked()) {
                throw new DomainException(ErrorCode.CREDENTIAL_LOCKED, "Sertifikat terkunci karena passphrase salah berulang kali.");
            }
            byte[] signed = signer.sign(command.document().bytes(), certificate.chainDer(), command.level(), now,
                    digest -> keys.signDigest(command.nip(), digest, "SHA-256", command.passphrase()));
            String signedSha = sha256(signed);
            documents.save(new id.teken.signing.application.port.out.SignedDocuments.SignedDocumentRecord(UUID.fromString(documentId),
                    command.nip(), certificate.subjectCommonName(), certificate.serialNumber(), signedSha, command.level().label(),
                    command.clientId(), now));
            events.signed(documentId, command.nip(), certificate.serialNumber(), command.clientId(), signedSha,
                    command.level().label(), now);
            return new SignedDocument(documentId, signed, signedSha, command.level(), certificate.serialNumber());
        } catch (DomainException e) {
            events.failed(documentId, command.nip(), command.clientId(), sha256, e.code().name(), now);
            throw e;
        } finally {
            if (command.passphrase() != null) {
                Arrays.fill(command.passphrase(), '\0');
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
