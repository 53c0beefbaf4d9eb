package id.teken.signing.application.service;

import id.teken.signing.application.SigningSettings;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.application.port.out.SignedDocuments;
import id.teken.signing.application.port.out.SignerDirectory;
import id.teken.signing.application.port.out.SignerStatuses;
import id.teken.signing.application.port.out.SigningEvents;
import id.teken.signing.application.port.out.SigningKeys;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PdfDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Signing: check the PDFs and where their blocks go, find the signer (by NIP, or NIK/email for system clients), refuse
 * at once a certificate that is not ISSUE or is locked, let DSS build each signature around the remote sign-hash, and
 * record the signed documents with their audit events in one transaction. Every attempt, failed or not, becomes a
 * document.signed event; nothing is recorded as signed unless it is delivered.
 */
@ApplicationScoped
public class SignDocumentService implements SignDocumentUseCase {

    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(ZoneId.of("Asia/Jakarta"));

    private final SigningKeys keys;
    private final PdfSigner signer;
    private final SigningEvents events;
    private final SignedDocuments documents;
    private final SignerStatuses statuses;
    private final SignerDirectory directory;
    private final SigningSettings settings;
    private final Clock clock;

    @Inject
    public SignDocumentService(SigningKeys keys, PdfSigner signer, SigningEvents events, SignedDocuments documents,
                               SignerStatuses statuses, SignerDirectory directory, SigningSettings settings, Clock clock) {
        this.keys = keys;
        this.signer = signer;
        this.events = events;
        this.documents = documents;
        this.statuses = statuses;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public SignedDocument sign(SignDocumentCommand command) {
        return signAll(command.signer(), command.clientId(), List.of(command.document()), command.passphrase(), command.level(),
                List.of(command.appearance())).get(0);
    }

    @Override
    @Transactional(dontRollbackOn = DomainException.class)
    public List<SignedDocument> signBatch(SignBatchCommand command) {
        if (command.documents().isEmpty()) {
            throw new DomainException(ErrorCode.PDF_REQUIRED, "Unggah minimal satu berkas PDF.");
        }
        if (command.documents().size() > settings.maxBatchFiles()) {
            throw new DomainException(ErrorCode.TOO_MANY_FILES, "Maksimal " + settings.maxBatchFiles() + " berkas per permintaan.");
        }
        List<Appearance> appearances = command.appearances();
        if (appearances.size() != 1 && appearances.size() != command.documents().size()) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, "Sebutkan satu pengaturan tampilan untuk semua berkas atau satu per berkas.");
        }
        return signAll(command.signer(), command.clientId(), command.documents(), command.passphrase(), command.level(), appearances);
    }

    private List<SignedDocument> signAll(SignerRef ref, String clientId, List<PdfDocument> pdfs, char[] passphrase,
                                         id.teken.signing.domain.PadesLevel level, List<Appearance> appearances) {
        Instant now = clock.instant();
        List<String> ids = pdfs.stream().map(d -> UUID.randomUUID().toString()).toList();
        String nip = ref.nip();
        int current = 0;
        try {
            if (passphrase == null || passphrase.length == 0) {
                throw new DomainException(ErrorCode.PASSPHRASE_REQUIRED, "Passphrase wajib diisi.");
            }
            SignerDirectory.Signer profile = null;
            if (nip == null) {
                profile = directory.find(null, ref.nik(), ref.email()).orElseThrow(() ->
                        new DomainException(ErrorCode.NOT_REGISTERED, "User tidak terdaftar."));
                nip = profile.nip();
            }
            String signerNip = nip;
            // The projection refuses a suspended, revoked or expired signer at once, without a remote call.
            statuses.find(signerNip).filter(s -> !"ISSUE".equals(s.status())).ifPresent(s -> {
                throw notActive(s.status());
            });
            List<PdfSigner.Inspected> inspected = new ArrayList<>();
            for (int i = 0; i < pdfs.size(); i++) {
                current = i;
                inspected.add(inspect(pdfs, i, appearance(appearances, i)));
            }
            current = 0;
            SigningKeys.SignerCertificate certificate = keys.signerCertificate(signerNip);
            if (!"ISSUE".equals(certificate.status())) {
                throw notActive(certificate.status());
            }
            if (certificate.locked()) {
                throw new DomainException(ErrorCode.CREDENTIAL_LOCKED, "Sertifikat terkunci karena passphrase salah berulang kali.");
            }
            String text = null;
            if (appearances.stream().anyMatch(Appearance::isVisible)) {
                if (profile == null) {
                    profile = profileOrNull(signerNip);
                }
                String name = profile != null && profile.nama() != null ? profile.nama() : certificate.subjectCommonName();
                String jabatan = profile == null ? null : profile.jabatan();
                text = "Ditandatangani secara elektronik oleh:\n" + name + (jabatan == null ? "" : "\n" + jabatan) + "\n"
                        + WIB.format(now) + " WIB";
            }
            // Every signature is prepared first; one call to certificate-service signs all digests with one passphrase
            // check (the key is unwrapped once), then the values are embedded (and time-stamped for B-T/B-LT).
            long started = System.nanoTime();
            List<PdfSigner.Prepared> prepared = new ArrayList<>();
            for (int i = 0; i < pdfs.size(); i++) {
                current = i;
                Appearance appearance = appearance(appearances, i);
                String qr = appearance.qrContent() != null ? appearance.qrContent() : settings.publicUrl() + "/verify/" + ids.get(i);
                prepared.add(signer.prepare(pdfs.get(i).bytes(), inspected.get(i), new PdfSigner.Look(appearance, text, qr),
                        certificate.chainDer(), level, now));
            }
            current = 0;
            long remoteStart = System.nanoTime();
            List<byte[]> values = prepared.size() == 1
                    ? List.of(keys.signDigest(signerNip, prepared.get(0).digest(), "SHA-256", passphrase))
                    : keys.signDigests(signerNip, prepared.stream().map(PdfSigner.Prepared::digest).toList(), "SHA-256", passphrase);
            long remoteMillis = (System.nanoTime() - remoteStart) / 1_000_000;
            List<byte[]> signedPdfs = new ArrayList<>();
            for (int i = 0; i < pdfs.size(); i++) {
                current = i;
                signedPdfs.add(signer.finish(prepared.get(i), values.get(i)));
            }
            long totalMillis = (System.nanoTime() - started) / 1_000_000;
            List<SignedDocument> out = new ArrayList<>();
            for (int i = 0; i < pdfs.size(); i++) {
                byte[] signed = signedPdfs.get(i);
                out.add(new SignedDocument(ids.get(i), pdfs.get(i).name(), signed, sha256(signed), level, certificate.serialNumber(),
                        remoteMillis, totalMillis));
            }
            // Only now, with every signature made, are the documents recorded and their events written (one transaction).
            for (SignedDocument d : out) {
                documents.save(new SignedDocuments.SignedDocumentRecord(UUID.fromString(d.documentId()), signerNip,
                        certificate.subjectCommonName(), certificate.serialNumber(), d.sha256(), level.label(), clientId, now));
                events.signed(d.documentId(), signerNip, certificate.serialNumber(), clientId, d.sha256(), level.label(), now);
            }
            return out;
        } catch (DomainException e) {
            events.failed(ids.get(current), nip, clientId, sha256(pdfs.get(current).bytes()), e.code().name(), now);
            throw e;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private PdfSigner.Inspected inspect(List<PdfDocument> pdfs, int i, Appearance appearance) {
        try {
            return signer.inspect(pdfs.get(i).bytes(), appearance);
        } catch (DomainException e) {
            if (pdfs.size() == 1) {
                throw e;
            }
            throw new DomainException(e.code(), "Berkas ke-" + (i + 1) + " (" + pdfs.get(i).name() + "): " + e.getMessage());
        }
    }

    private SignerDirectory.Signer profileOrNull(String nip) {
        try {
            return directory.find(nip, null, null).orElse(null);
        } catch (DomainException e) {
            // Name from the certificate, no jabatan: a visible block must not fail because the directory is slow.
            return null;
        }
    }

    private static Appearance appearance(List<Appearance> appearances, int i) {
        return appearances.size() == 1 ? appearances.get(0) : appearances.get(i);
    }

    private static DomainException notActive(String status) {
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
