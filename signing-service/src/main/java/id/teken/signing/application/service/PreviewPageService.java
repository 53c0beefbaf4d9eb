package id.teken.signing.application.service;

import id.teken.signing.application.port.in.PreviewPageUseCase;
import id.teken.signing.application.port.out.PageRenderer;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PdfDocument;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

/** Page previews for placing a signature: the page number and width checked here, the rendering bounded by the adapter. */
@ApplicationScoped
@RequiredArgsConstructor
public class PreviewPageService implements PreviewPageUseCase {

    /** Wider than any phone or laptop column needs; the picture only guides a click. */
    static final int MAX_WIDTH = 1200;

    private final PageRenderer renderer;

    @Override
    public PagePreview preview(PdfDocument document, int page, int maxWidthPx) {
        if (page < 1) {
            throw new DomainException(ErrorCode.PAGE_NOT_FOUND, "Halaman dimulai dari 1.");
        }
        if (maxWidthPx < 100 || maxWidthPx > MAX_WIDTH) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Lebar pratinjau 100 sampai " + MAX_WIDTH + " piksel.");
        }
        return renderer.render(document.bytes(), page, maxWidthPx);
    }
}
