package id.teken.activation.adapter.out.image;

import id.teken.activation.application.port.out.SelfieAnalyzer;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.ErrorCode;
import id.teken.activation.domain.SelfieMetrics;
import jakarta.enterprise.context.ApplicationScoped;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Decodes JPEG/PNG with the JDK's ImageIO (the bytes must really be the declared type; dimensions are checked from the
 * header before decoding, so a decompression bomb is refused: at most 12 megapixels), subsampled so that at most about
 * 1024 pixels of width are ever held in memory, then measures mean luminance and sharpness as the variance of the
 * Laplacian on a grey copy scaled to at most 512 pixels wide.
 */
@ApplicationScoped
public class ImageIoSelfieAnalyzer implements SelfieAnalyzer {

    static final long MAX_PIXELS = 12_000_000L;
    private static final int DECODED_WIDTH = 1024;

    @Override
    public SelfieMetrics analyze(String contentType, byte[] image) {
        boolean jpeg = image.length > 3 && (image[0] & 0xff) == 0xFF && (image[1] & 0xff) == 0xD8 && (image[2] & 0xff) == 0xFF;
        boolean png = image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
        if (("image/jpeg".equals(contentType) && !jpeg) || ("image/png".equals(contentType) && !png)) {
            throw new DomainException(ErrorCode.SELFIE_TYPE, "Isi berkas bukan " + ("image/png".equals(contentType) ? "PNG" : "JPEG")
                    + " sebagaimana dinyatakan. Unggah foto JPEG atau PNG yang asli.");
        }
        BufferedImage decoded;
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new DomainException(ErrorCode.SELFIE_UNREADABLE, "Resolusi swafoto terlalu besar (maksimal 12 megapiksel).");
                }
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (int) Math.ceil(width / (double) DECODED_WIDTH));
                param.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw unreadable();
        }
        SelfieMetrics sampled = measure(decoded);
        return new SelfieMetrics(width, height, sampled.meanLuminance(), sampled.sharpness());
    }

    static SelfieMetrics measure(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int scaledWidth = Math.min(512, width);
        int scaledHeight = Math.max(1, (int) ((long) height * scaledWidth / width));
        double[][] grey = new double[scaledHeight][scaledWidth];
        double sum = 0;
        for (int y = 0; y < scaledHeight; y++) {
            int sy = (int) ((long) y * height / scaledHeight);
            for (int x = 0; x < scaledWidth; x++) {
                int sx = (int) ((long) x * width / scaledWidth);
                int rgb = image.getRGB(sx, sy);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                grey[y][x] = l;
                sum += l;
            }
        }
        double mean = sum / ((double) scaledWidth * scaledHeight);
        double lapSum = 0;
        double lapSq = 0;
        long n = 0;
        for (int y = 1; y < scaledHeight - 1; y++) {
            for (int x = 1; x < scaledWidth - 1; x++) {
                double lap = grey[y - 1][x] + grey[y + 1][x] + grey[y][x - 1] + grey[y][x + 1] - 4 * grey[y][x];
                lapSum += lap;
                lapSq += lap * lap;
                n++;
            }
        }
        double variance = n == 0 ? 0 : lapSq / n - (lapSum / n) * (lapSum / n);
        return new SelfieMetrics(width, height, mean, variance);
    }

    private static DomainException unreadable() {
        return new DomainException(ErrorCode.SELFIE_UNREADABLE, "Swafoto tidak dapat dibaca. Unggah foto JPEG atau PNG yang utuh.");
    }
}
