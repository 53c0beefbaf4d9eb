package id.teken.signing.application.service;

import id.teken.signing.application.port.in.ExtendSignaturesUseCase;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.domain.PdfDocument;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

/** Archive renewal through the PDF signer (DSS): the file is checked against the PDF limits first. */
@ApplicationScoped
@RequiredArgsConstructor
public class ExtendSignaturesService implements ExtendSignaturesUseCase {

    private final PdfSigner signer;

    @Override
    public byte[] extend(PdfDocument signed, String requesterId) {
        PdfSigner.Inspected inspected = signer.inspect(signed.bytes(), id.teken.signing.domain.Appearance.invisible(null, null, null));
        if (inspected.existingSignatures() == 0) {
            throw new id.teken.signing.domain.DomainException(id.teken.signing.domain.ErrorCode.NOT_SIGNED,
                    "Dokumen tidak memiliki tanda tangan elektronik untuk diperpanjang.");
        }
        return signer.extend(signed.bytes());
    }
}
