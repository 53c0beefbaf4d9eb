package id.teken.signing.application.port.in;

import id.teken.signing.domain.PdfDocument;

/** One page of a PDF as a small picture, so that a person can place a visible signature by clicking on it. */
public interface PreviewPageUseCase {

    /** Page {@code page} (1-based) rendered at most {@code maxWidthPx} wide; PAGE_NOT_FOUND beyond the last page. */
    PagePreview preview(PdfDocument document, int page, int maxWidthPx);

    /** A PNG of the page, the document's page count and the page's size in points (the unit of originX/originY). */
    record PagePreview(byte[] png, int pageCount, int page, float widthPt, float heightPt) {
    }
}
