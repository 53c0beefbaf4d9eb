package id.teken.signing.application.port.out;

import id.teken.signing.application.port.in.VerifyDocumentUseCase.SignatureReport;

import java.util.List;

/** Validates the signatures of a PDF against our root as the trust anchor. */
public interface PdfValidator {

    List<SignatureReport> validate(byte[] pdf);
}
