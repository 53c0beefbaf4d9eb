package id.teken.signing.application.port.out;

import id.teken.signing.application.port.in.PreviewPageUseCase.PagePreview;

/** Renders one page of an untrusted PDF within this service's limits (PDF_TOO_COMPLEX beyond them). */
public interface PageRenderer {

    /** {@code page} is 1-based and checked by the caller against {@link #pageCount}; width in pixels at most. */
    PagePreview render(byte[] pdf, int page, int maxWidthPx);
}
