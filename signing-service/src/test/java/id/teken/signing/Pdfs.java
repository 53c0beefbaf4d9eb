package id.teken.signing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Real PDFs made with PDFBox for the tests: a multi-page letter, and the same protected with a password. */
public final class Pdfs {

    private Pdfs() {
    }

    public static byte[] letter(int pages) {
        return make(pages, false);
    }

    /** A letter whose page markerPage carries "Kepala Dinas," and, below it at (400, 200) from the bottom-left, the marker. */
    public static byte[] withMarker(int pages, int markerPage, String marker) {
        try (PDDocument doc = Loader.loadPDF(letter(pages)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = doc.getPage(markerPage - 1);
            try (PDPageContentStream text = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.newLineAtOffset(400, 240);
                text.showText("Kepala Dinas,");
                text.newLineAtOffset(0, -40);
                text.showText(marker);
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small PNG "handwritten" specimen drawn without fonts. */
    public static byte[] specimen() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(300, 120, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 300, 120);
        g.setColor(new java.awt.Color(20, 40, 160));
        g.setStroke(new java.awt.BasicStroke(4));
        g.drawPolyline(new int[]{20, 60, 90, 130, 170, 210, 280}, new int[]{90, 20, 100, 30, 95, 25, 80}, 7);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(img, "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encrypted() {
        return make(1, true);
    }

    private static byte[] make(int pages, boolean encrypt) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    text.newLineAtOffset(72, 700);
                    text.showText("Surat Keputusan Bupati Ponorogo - halaman " + i + " dari " + pages);
                    text.endText();
                }
            }
            if (encrypt) {
                doc.protect(new StandardProtectionPolicy("pemilik", "rahasia", new AccessPermission()));
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
