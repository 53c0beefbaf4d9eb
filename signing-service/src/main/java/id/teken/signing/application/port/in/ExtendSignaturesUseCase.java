package id.teken.signing.application.port.in;

import id.teken.signing.domain.PdfDocument;

/**
 * Archive renewal of a signed PDF: fresh validation data for all its signatures and time stamps, and a new document time
 * stamp over everything (PAdES B-LTA). Run it again before the last time stamp's certificate or algorithm grows weak.
 */
public interface ExtendSignaturesUseCase {

    /** The extended PDF (an incremental update: every earlier signature stays as it was). */
    byte[] extend(PdfDocument signed, String requesterId);
}
