package id.teken.signing.application.port.in;

import id.teken.signing.domain.PdfDocument;

import java.time.Instant;
import java.util.List;

/** "Verifikasi": every signature of a PDF checked for integrity, chain to our root, revocation and time stamp. */
public interface VerifyDocumentUseCase {

    VerificationReport verify(PdfDocument document);

    /** The whole document: NO_SIGNATURE, VALID (all signatures pass), INVALID (one fails), INDETERMINATE. */
    record VerificationReport(String documentName, int signatureCount, String conclusion, String summary,
                              List<SignatureReport> signatures) {
    }

    /** One signature. */
    record SignatureReport(String id, String signerName, String signerDn, String certificateSerialNumber,
                           Instant certificateValidFrom, Instant certificateValidTo, Instant signingTime,
                           List<Instant> timestampTimes, boolean integrityValid, boolean chainTrusted,
                           boolean certificateRevoked, String padesLevel, String indication, String subIndication,
                           Details details) {
    }

    /** What integrators' reports show besides (BSrE's v1/v2 verify fields). */
    record Details(String fieldName, String reason, String location, String signerCommonName, String issuerDn,
                   String signatureAlgorithm, String digestAlgorithm, List<String> keyUsages, String timestampSignerName) {
    }
}
