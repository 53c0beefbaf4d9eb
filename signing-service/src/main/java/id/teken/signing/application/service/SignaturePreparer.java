package id.teken.signing.application.service;

import id.teken.signing.application.SigningSettings;
import id.teken.signing.application.port.in.SignDocumentUseCase.SignCommand;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.application.port.out.SignerDirectory;
import id.teken.signing.application.port.out.SigningKeys;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.PdfDocument;
import id.teken.signing.domain.QrLink;
import id.teken.signing.domain.SystemClient;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The document side of a signing request, before and after the key: inspecting each PDF, preparing its signature for
 * the signer's certificate with the visible block's text, spread over the cores; a failure names the file it came from.
 */
final class SignaturePreparer {

    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(ZoneId.of("Asia/Jakarta"));

    private final PdfSigner signer;
    private final SignerDirectory directory;
    private final SigningSettings settings;
    private final DocumentWork work;

    SignaturePreparer(PdfSigner signer, SignerDirectory directory, SigningSettings settings, DocumentWork work) {
        this.signer = signer;
        this.directory = directory;
        this.settings = settings;
        this.work = work;
    }

    /** Each document checked (and its QR target, for a client's own QR content) before any key is touched. */
    List<PdfSigner.Inspected> inspectAll(SignCommand command, SigningAttempt attempt) {
        SystemClient client = command.requester().client();
        List<PdfSigner.Inspected> inspected = new ArrayList<>();
        for (int i = 0; i < command.documents().size(); i++) {
            attempt.file = i;
            Appearance appearance = command.appearance(i);
            if (appearance.qrContent() != null) {
                QrLink.check(appearance.qrContent(), settings.publicUrl(), client == null ? List.of() : client.qrOrigins());
            }
            inspected.add(inspect(command.documents(), i, appearance));
        }
        attempt.file = 0;
        return inspected;
    }

    /** Each document prepared for the certificate (appearance, signature dictionary, the digest to sign). */
    List<PdfSigner.Prepared> prepareAll(SignCommand command, SigningAttempt attempt, List<PdfSigner.Inspected> inspected,
                                                SigningKeys.SignerCertificate certificate) {
        String text = blockText(command, attempt, certificate);
        return eachDocument(attempt, command.documents().size(), i -> {
            Appearance appearance = command.appearance(i);
            String qr = appearance.qrContent() != null ? appearance.qrContent() : settings.publicUrl() + "/verify/" + attempt.ids.get(i);
            return signer.prepare(command.documents().get(i).bytes(), inspected.get(i), new PdfSigner.Look(appearance, text, qr),
                    certificate.chainDer(), command.level(), attempt.now);
        });
    }

    /**
     * The same step for every document, spread over the cores; a failure is thrown as it was, with the position of the
     * first failing document in the attempt (its event and, in a batch, its message name that file).
     */
    <T> List<T> eachDocument(SigningAttempt attempt, int count, java.util.function.IntFunction<T> step) {
        try {
            return work.each(count, step);
        } catch (DocumentWork.Failed e) {
            attempt.file = e.index();
            throw e.getCause();
        }
    }

    /** The text of a visible block: name and jabatan from the directory (the certificate's name when it cannot answer). */
    private String blockText(SignCommand command, SigningAttempt attempt, SigningKeys.SignerCertificate certificate) {
        if (command.appearances().stream().noneMatch(Appearance::isVisible)) {
            return null;
        }
        if (attempt.profile == null) {
            attempt.profile = profileOrNull(attempt.nip);
        }
        SignerDirectory.Signer profile = attempt.profile;
        String name = profile != null && profile.nama() != null ? profile.nama() : certificate.subjectCommonName();
        String jabatan = profile == null ? null : profile.jabatan();
        return (attempt.heading != null ? attempt.heading : "Ditandatangani secara elektronik oleh:") + "\n" + name + (jabatan == null ? "" : "\n" + jabatan) + "\n"
                + WIB.format(attempt.now) + " WIB";
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
}
