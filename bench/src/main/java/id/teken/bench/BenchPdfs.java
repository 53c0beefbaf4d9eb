package id.teken.bench;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

/** The benchmark's documents: generated, real PDFs, the same for Teken and the in-process peers. */
final class BenchPdfs {

    private BenchPdfs() {
    }

    /** A real PDF of about the target size: three pages of text, the first with an incompressible (noise) image. */
    static byte[] bigPdf(int target, long seed) throws IOException {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(target + 65536)) {
            Random random = new Random(seed);
            int side = (int) Math.sqrt((target - 8000) / 3.0);
            BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    noise.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            PDImageXObject image = LosslessFactory.createFromImage(d, noise);
            for (int p = 1; p <= 3; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                d.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(d, page)) {
                    text(s, 72, 770, "Benchmark Teken - halaman " + p + " dari 3");
                    if (p == 1) {
                        s.drawImage(image, 72, 300, 400, 400);
                    }
                }
            }
            d.save(out);
            return out.toByteArray();
        }
    }

    /** A two-page official letter: heading, body text, signature place. */
    static byte[] letter() throws IOException {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 1; p <= 2; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                d.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(d, page)) {
                    text(s, 72, 780, "PEMERINTAH KABUPATEN PONOROGO - SURAT DINAS (halaman " + p + " dari 2)");
                    for (int line = 0; line < 40; line++) {
                        text(s, 72, 740 - line * 15, "Baris " + (line + 1) + ": dengan hormat, bersama ini kami sampaikan "
                                + "laporan kegiatan bulanan untuk diketahui dan ditindaklanjuti.");
                    }
                }
            }
            d.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream s, float x, float y, String text) throws IOException {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }
}
