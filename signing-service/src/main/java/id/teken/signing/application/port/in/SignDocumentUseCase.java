package id.teken.signing.application.port.in;

import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;
import id.teken.signing.domain.SystemClient;

import java.util.List;

/** Signs PDFs for their owner with the passphrase; the key stays in certificate-service. */
public interface SignDocumentUseCase {

    /**
     * One PDF, or many with one passphrase entry. Every file is checked (readable, not encrypted, block placeable) before
     * the first is signed; if any file or signature fails, none is delivered or recorded as signed.
     */
    List<SignedDocument> sign(SignCommand command);

    /** The signer: by NIP (a signed-in ASN) or, for system clients, by NIP, NIK or email. Exactly one is set. */
    record SignerRef(String nip, String nik, String email) {
        public static SignerRef nip(String nip) {
            return new SignerRef(nip, null, null);
        }
    }

    /**
     * Who asks: a signed-in ASN for themselves ({@code client} null), or a system client (with its scope, failure budget
     * and allowed QR origins). {@code clientId} is what the audit records: {@code web:<nip>} or {@code client:<username>}.
     */
    record Requester(String clientId, SystemClient client) {
        public static Requester owner(String nip) {
            return new Requester("web:" + nip, null);
        }

        public static Requester of(SystemClient client) {
            return new Requester("client:" + client.username(), client);
        }

        /** A signed-in ASN's own remote signing through the CSC API (signDoc). */
        public static Requester csc(String nip) {
            return new Requester("csc:" + nip, null);
        }
    }

    /** An authorization granted before (the CSC API's SAD for documents) for the certificate of this serial. */
    record Authorized(String sad, String serialNumber) {
    }

    /**
     * Who signs which documents, how (one appearance for all, or one per document); with the passphrase, with an
     * authorization granted before ({@code authorized}; the passphrase is then null), or, for a system client, with the
     * code of a signing approval the signer gave ({@code totp}: BSrE's sign TOTP; the passphrase is then null).
     */
    record SignCommand(SignerRef signer, Requester requester, List<PdfDocument> documents, char[] passphrase, PadesLevel level,
                       List<Appearance> appearances, Authorized authorized, String totp) {
        public SignCommand(SignerRef signer, Requester requester, List<PdfDocument> documents, char[] passphrase, PadesLevel level,
                           List<Appearance> appearances) {
            this(signer, requester, documents, passphrase, level, appearances, null, null);
        }

        public SignCommand(SignerRef signer, Requester requester, List<PdfDocument> documents, char[] passphrase, PadesLevel level,
                           List<Appearance> appearances, Authorized authorized) {
            this(signer, requester, documents, passphrase, level, appearances, authorized, null);
        }

        public SignCommand {
            if (documents == null || documents.isEmpty()) {
                throw new DomainException(ErrorCode.PDF_REQUIRED, "Unggah minimal satu berkas PDF.");
            }
            if (appearances == null || appearances.size() != 1 && appearances.size() != documents.size()) {
                throw new DomainException(ErrorCode.APPEARANCE_INVALID, "Sebutkan satu pengaturan tampilan untuk semua berkas atau satu per berkas.");
            }
            if (signer == null || requester == null || level == null) {
                throw new DomainException(ErrorCode.SIGNER_REQUIRED, "Penanda tangan wajib disebutkan.");
            }
            documents = List.copyOf(documents);
            appearances = List.copyOf(appearances);
        }

        public Appearance appearance(int i) {
            return appearances.size() == 1 ? appearances.get(0) : appearances.get(i);
        }
    }

    /**
     * The signed PDF, what the audit keeps about it, and where the time went: {@code passphraseCheckMillis} from asking
     * certificate-service to check the passphrase to having the values, {@code totalMillis} of the whole signing, and
     * {@code timing} as a Server-Timing header value (resolve, inspect, lookup, prepare, passphrase = the wait for the
     * passphrase check after preparing, sign, finish, record; milliseconds), all for the request the document came in.
     */
    record SignedDocument(String documentId, String name, byte[] pdf, String sha256, PadesLevel level, String serialNumber,
                          long passphraseCheckMillis, long totalMillis, String timing) {
    }
}
