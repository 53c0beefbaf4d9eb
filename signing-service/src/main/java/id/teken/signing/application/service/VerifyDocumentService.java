package id.teken.signing.application.service;

import id.teken.signing.application.port.in.VerifyDocumentUseCase;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.application.port.out.PdfValidator;
import id.teken.signing.domain.PdfDocument;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.util.List;

/** Verification with a plain-language summary (BSrE's wording where integrators know it). */
@ApplicationScoped
@RequiredArgsConstructor
public class VerifyDocumentService implements VerifyDocumentUseCase {

    private final PdfValidator validator;
    private final PdfSigner reader;

    @Override
    public VerificationReport verify(PdfDocument document) {
        reader.checkReadable(document.bytes());
        List<SignatureReport> signatures = validator.validate(document.bytes());
        if (signatures.isEmpty()) {
            return new VerificationReport(document.name(), 0, "NO_SIGNATURE", "Dokumen belum ditandatangani secara elektronik", signatures);
        }
        boolean tampered = signatures.stream().anyMatch(s -> !s.integrityValid());
        boolean allGood = signatures.stream().allMatch(s -> "TOTAL_PASSED".equals(s.indication()));
        if (tampered) {
            return new VerificationReport(document.name(), signatures.size(), "INVALID",
                    "Konten Dokumen mengalami perubahan oleh pihak yang tidak berhak", signatures);
        }
        if (allGood) {
            return new VerificationReport(document.name(), signatures.size(), "VALID",
                    "Dokumen valid, Sertifikat yang digunakan terpercaya", signatures);
        }
        boolean trusted = signatures.stream().allMatch(SignatureReport::chainTrusted);
        return new VerificationReport(document.name(), signatures.size(), "INDETERMINATE", trusted
                ? "Dokumen asli dan tidak berubah; status pencabutan sertifikat belum dapat dipastikan"
                : "Dokumen asli dan tidak berubah, tetapi sertifikat penanda tangan tidak terpercaya", signatures);
    }
}
