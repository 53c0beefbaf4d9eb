package id.teken.signing;

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
