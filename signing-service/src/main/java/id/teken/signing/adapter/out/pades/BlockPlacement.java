package id.teken.signing.adapter.out.pades;

import id.teken.signing.application.port.out.PdfSigner.Placement;

import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.util.List;

/**
 * Where a visible signature block goes: at coordinates (checked against the page as shown, rotation applied) or over
 * a marker text (tag_koordinat), and whether a specimen image is a PNG or JPEG small enough to decode.
 */
final class BlockPlacement {

    private BlockPlacement() {
    }

    /** Largest specimen image (pixels) this service decodes: checked from the image header, before decoding. */
    static final long MAX_SPECIMEN_PIXELS = 16_000_000L;

    /** A specimen image must be a real PNG or JPEG of at most 16 megapixels; its header is read, its pixels are not. */
    static void checkSpecimen(Appearance appearance) {
        if (appearance.mode() != Appearance.Mode.IMAGE || appearance.specimen() == null) {
            return;
        }
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(appearance.specimen()))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DomainException(ErrorCode.IMAGE_INVALID, "Gambar spesimen harus PNG atau JPEG.");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new DomainException(ErrorCode.IMAGE_INVALID, "Gambar spesimen harus PNG atau JPEG.");
                }
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_SPECIMEN_PIXELS) {
                    throw new DomainException(ErrorCode.IMAGE_INVALID, "Gambar spesimen terlalu besar (maksimal 16 megapiksel).");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new DomainException(ErrorCode.IMAGE_INVALID, "Gambar spesimen tidak dapat dibaca.");
        }
    }

    static Placement place(PDDocument document, Appearance a) throws IOException {
        int pages = document.getNumberOfPages();
        if (a.marker() != null) {
            MarkerFinder finder = new MarkerFinder(a.marker());
            if (a.page() != null) {
                int page = a.page() == Appearance.LAST_PAGE ? pages : a.page();
                if (page > pages) {
                    throw new DomainException(ErrorCode.PAGE_NOT_FOUND, "Dokumen hanya memiliki " + pages + " halaman.");
                }
                finder.setStartPage(page);
                finder.setEndPage(page);
            }
            finder.getText(document);
            if (finder.hit == null) {
                throw new DomainException(ErrorCode.MARKER_NOT_FOUND, "Teks penanda \"" + a.marker() + "\" tidak ditemukan di dokumen.");
            }
            float[] size = size(document.getPage(finder.hitPage - 1));
            // The block's top-left corner goes where the marker starts, moved inside the page when it would stick out.
            float x = Math.max(0, Math.min(finder.hit[0], size[0] - a.width()));
            float y = Math.max(0, Math.min(finder.hit[1], size[1] - a.height()));
            if (a.width() > size[0] || a.height() > size[1]) {
                throw new DomainException(ErrorCode.COORDINATES_OFF_PAGE, "Ukuran tanda tangan lebih besar dari halaman.");
            }
            return new Placement(finder.hitPage, x, y, a.width(), a.height());
        }
        int page = a.page() == null ? 1 : a.page() == Appearance.LAST_PAGE ? pages : a.page();
        if (page > pages) {
            throw new DomainException(ErrorCode.PAGE_NOT_FOUND, "Dokumen hanya memiliki " + pages + " halaman.");
        }
        float[] size = size(document.getPage(page - 1));
        float x = a.x();
        float y = a.origin() == Appearance.Origin.BOTTOM_LEFT ? size[1] - a.y() - a.height() : a.y();
        if (x + a.width() > size[0] + 0.5f || y < -0.5f || y + a.height() > size[1] + 0.5f) {
            throw new DomainException(ErrorCode.COORDINATES_OFF_PAGE, String.format(java.util.Locale.ROOT,
                    "Kotak tanda tangan %.0fx%.0f di (%.0f, %.0f) keluar dari halaman %d (%.0fx%.0f poin).",
                    a.width(), a.height(), a.x(), a.y(), page, size[0], size[1]));
        }
        return new Placement(page, x, Math.max(0, y), a.width(), a.height());
    }

    /** Width and height as the page is shown (rotation applied). */
    private static float[] size(PDPage page) {
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        return turned ? new float[]{box.getHeight(), box.getWidth()} : new float[]{box.getWidth(), box.getHeight()};
    }

    /** Finds the first occurrence of the marker text; remembers its page and top-left corner (points from the top-left). */
    static final class MarkerFinder extends PDFTextStripper {
        private final String marker;
        float[] hit;
        int hitPage;

        MarkerFinder(String marker) {
            this.marker = marker;
            setSortByPosition(true);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (hit != null) {
                return;
            }
            int at = text.indexOf(marker);
            if (at >= 0 && at < positions.size()) {
                TextPosition p = positions.get(at);
                // The glyph's top is about one font size above the baseline; the block covers the marker from there.
                hit = new float[]{p.getXDirAdj(), p.getYDirAdj() - 1.2f * Math.max(p.getHeightDir(), p.getFontSizeInPt())};
                hitPage = getCurrentPageNo();
            }
        }
    }
}
