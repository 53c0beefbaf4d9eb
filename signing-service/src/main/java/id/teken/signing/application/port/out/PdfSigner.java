package id.teken.signing.application.port.out;

import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.PadesLevel;

import java.time.Instant;
import java.util.List;

/** Makes a PAdES signature on a PDF whose signature value comes from elsewhere (the digest is handed out). */
public interface PdfSigner {

    /**
     * Opens the PDF and works out where a visible block goes, before anything is signed. Throws PDF_INVALID,
     * PDF_ENCRYPTED, PAGE_NOT_FOUND, MARKER_NOT_FOUND or COORDINATES_OFF_PAGE DomainExceptions.
     */
    Inspected inspect(byte[] pdf, Appearance appearance);

    /** Builds the signature up to the digest to be signed (the field, the appearance, the signed attributes). */
    Prepared prepare(byte[] pdf, Inspected inspected, Look look, List<byte[]> chainDer, PadesLevel level, Instant signingTime);

    /**
     * Embeds the signature value made over prepared.digest() with its time stamp (B-T), then the validation data (B-LT)
     * and a document time stamp (B-LTA). Evidence certificate-service handed back with the value is used as it is; what
     * is missing is fetched (the TSA, OCSP).
     */
    byte[] finish(Prepared prepared, byte[] signatureValue, Evidence evidence);

    /** A time-stamp token over the signature value and the signer certificate's OCSP response (DER, each may be null). */
    record Evidence(byte[] timestampToken, byte[] signerOcsp) {
        public static final Evidence NONE = new Evidence(null, null);
    }

    /**
     * Archive renewal: embeds fresh validation data for every signature and time stamp of the PDF and adds a document
     * time stamp over it all (PAdES B-LTA). Throws PDF_INVALID, NOT_SIGNED or SIGNING_UNAVAILABLE DomainExceptions.
     */
    byte[] extend(byte[] signedPdf);

    /** A signature waiting for its value: the SHA-256 to sign, and whatever the adapter needs to finish. */
    interface Prepared {
        byte[] digest();
    }

    /** Throws a PDF_INVALID or PDF_ENCRYPTED DomainException unless PDFBox can open the document. */
    default void checkReadable(byte[] pdf) {
        inspect(pdf, Appearance.invisible(null, null, null));
    }

    /** What the PDF holds and where the block goes (page 1-based, x/y from the top-left, in points); placement null when invisible. */
    record Inspected(int pages, int existingSignatures, Placement placement) {
    }

    /** A resolved rectangle on a page. */
    record Placement(int page, float x, float y, float width, float height) {
    }

    /** The visible block's content: the appearance as asked, the text lines beside the image, the QR code's content. */
    record Look(Appearance appearance, String text, String qrContent) {
    }
}
