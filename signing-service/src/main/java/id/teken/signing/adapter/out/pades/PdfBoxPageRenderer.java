package id.teken.signing.adapter.out.pades;

import id.teken.signing.application.port.in.PreviewPageUseCase.PagePreview;
import id.teken.signing.application.port.out.PageRenderer;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One page through PDFBox's renderer, within the limits of {@link PdfLimits} and these: the page's images (through
 * nested forms, 8 levels) may hold at most 25 megapixels together, images are subsampled to the output's resolution, the
 * output is at most the asked width (1200 px) and four times as tall, and as many renderings run at once as there are
 * cores (the excess waits 10 s, then 503). Rendering decodes the page's images, which nothing else in this service does:
 * these limits are what keep an image bomb from taking the service's memory.
 */
public class PdfBoxPageRenderer implements PageRenderer {

    static final long MAX_PIXELS = 25_000_000L;
    private static final int MAX_DEPTH = 8;
    private final Semaphore turns = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    @Override
    public PagePreview render(byte[] pdf, int page, int maxWidthPx) {
        boolean turn;
        try {
            turn = turns.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new DomainException(ErrorCode.VERIFICATION_BUSY, "Pratinjau sedang sibuk. Coba lagi beberapa saat lagi.", Duration.ofSeconds(5));
        }
        try (PDDocument document = PdfLimits.load(pdf)) {
            if (page > document.getNumberOfPages()) {
                throw new DomainException(ErrorCode.PAGE_NOT_FOUND, "Dokumen hanya memiliki " + document.getNumberOfPages() + " halaman.");
            }
            PDPage p = document.getPage(page - 1);
            if (pixels(p.getResources(), 0) > MAX_PIXELS) {
                throw new DomainException(ErrorCode.PDF_TOO_COMPLEX, "Gambar pada halaman ini terlalu besar untuk ditampilkan.");
            }
            PDRectangle box = p.getCropBox();
            boolean turned = p.getRotation() % 180 != 0;
            float width = turned ? box.getHeight() : box.getWidth();
            float height = turned ? box.getWidth() : box.getHeight();
            float scale = Math.min(maxWidthPx / width, 4f * maxWidthPx / height);
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true);
            BufferedImage image = renderer.renderImage(page - 1, scale, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return new PagePreview(png.toByteArray(), document.getNumberOfPages(), page, width, height);
        } catch (IOException e) {
            throw new DomainException(ErrorCode.PDF_INVALID, "Halaman tidak dapat ditampilkan: berkas PDF rusak.");
        } finally {
            turns.release();
        }
    }

    /** What a JPEG's own header says (it may differ from the image dictionary's Width and Height); 0 for other images. */
    static long jpegPixels(PDImageXObject image) throws IOException {
        if (!"jpg".equals(image.getSuffix())) {
            return 0;
        }
        try (java.io.InputStream in = image.getCOSObject().createRawInputStream()) {
            byte[] head = in.readNBytes(256 * 1024);
            for (int i = 2; i + 8 < head.length; ) {
                if ((head[i] & 0xFF) != 0xFF) {
                    return 0;
                }
                int marker = head[i + 1] & 0xFF;
                int length = ((head[i + 2] & 0xFF) << 8) | (head[i + 3] & 0xFF);
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    int h = ((head[i + 5] & 0xFF) << 8) | (head[i + 6] & 0xFF);
                    int w = ((head[i + 7] & 0xFF) << 8) | (head[i + 8] & 0xFF);
                    return (long) w * h;
                }
                i += 2 + length;
            }
            return 0;
        }
    }

    /** The pixels of every image XObject this page's resources name, through nested forms. */
    private static long pixels(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > MAX_DEPTH) {
            return depth > MAX_DEPTH ? Long.MAX_VALUE : 0;
        }
        long total = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                long declared = (long) Math.max(0, image.getWidth()) * Math.max(0, image.getHeight());
                total += Math.max(declared, jpegPixels(image));
            } else if (x instanceof PDFormXObject form) {
                total += pixels(form.getResources(), depth + 1);
            }
            if (total > MAX_PIXELS) {
                return total;
            }
        }
        return total;
    }
}
