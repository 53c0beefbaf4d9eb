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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

    // ------------------------------------------------------------------ hostile files

    /** A one-page PDF whose content stream is a Flate "bomb": a few hundred KB that inflate to {@code inflatedMb} MB of zeros. */
    public static byte[] flateBomb(int inflatedMb) {
        return flateBomb(inflatedMb, false);
    }

    /**
     * The bomb as the page's content stream; {@code disguised}: the same stream says it is an image (/Subtype /Image), which
     * must not get it past the check.
     */
    public static byte[] flateBomb(int inflatedMb, boolean disguised) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            org.apache.pdfbox.pdmodel.common.PDStream stream = new org.apache.pdfbox.pdmodel.common.PDStream(doc);
            try (java.io.OutputStream raw = stream.getCOSObject().createRawOutputStream();
                 java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(raw,
                         new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION))) {
                byte[] zeros = new byte[1024 * 1024];
                java.util.Arrays.fill(zeros, (byte) ' ');
                for (int i = 0; i < inflatedMb; i++) {
                    deflate.write(zeros);
                }
            }
            stream.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
            if (disguised) {
                stream.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.SUBTYPE, org.apache.pdfbox.cos.COSName.IMAGE);
            }
            page.setContents(stream);
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A page that draws one gray image whose Flate data inflate to {@code inflatedMb} MB (10240 pixels wide): a real image,
     * which nothing in signing or validation decodes.
     */
    public static byte[] imageBomb(int inflatedMb) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            org.apache.pdfbox.cos.COSStream image = doc.getDocument().createCOSStream();
            try (java.io.OutputStream raw = image.createRawOutputStream();
                 java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(raw,
                         new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION))) {
                byte[] row = new byte[1024 * 1024];
                for (int i = 0; i < inflatedMb; i++) {
                    deflate.write(row);
                }
            }
            image.setItem(org.apache.pdfbox.cos.COSName.TYPE, org.apache.pdfbox.cos.COSName.XOBJECT);
            image.setItem(org.apache.pdfbox.cos.COSName.SUBTYPE, org.apache.pdfbox.cos.COSName.IMAGE);
            image.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
            image.setInt(org.apache.pdfbox.cos.COSName.WIDTH, 10240);
            image.setInt(org.apache.pdfbox.cos.COSName.HEIGHT, inflatedMb * 1024 * 1024 / 10240);
            image.setInt(org.apache.pdfbox.cos.COSName.BITS_PER_COMPONENT, 8);
            image.setItem(org.apache.pdfbox.cos.COSName.COLORSPACE, org.apache.pdfbox.cos.COSName.DEVICEGRAY);
            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject x = new org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject(
                    new org.apache.pdfbox.pdmodel.common.PDStream(image), null);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(x, 50, 50, 200, 200);
            }
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small PDF holding {@code objects} indirect objects, packed into compressed object streams. */
    public static byte[] manyObjects(int objects) {
        // Written by hand: one object stream holds the empty dictionaries (their header compresses to about 2 bytes each)
        // and a cross-reference stream with the PNG "up" predictor lists them, so 250,000 objects fit in about 560 KB.
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<Integer> offsets = new ArrayList<>();
            write(out, "%PDF-1.7\n%\u00e2\u00e3\n");
            offsets.add(out.size());
            write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets.add(out.size());
            write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets.add(out.size());
            write(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
            StringBuilder header = new StringBuilder();
            for (int i = 0; i < objects; i++) {
                header.append(i + 5).append(" 0 ");
            }
            byte[] plain = (header + "<<>>").getBytes(StandardCharsets.US_ASCII);
            byte[] packed = deflate(plain);
            offsets.add(out.size());
            write(out, "4 0 obj\n<< /Type /ObjStm /N " + objects + " /First " + header.length() + " /Filter /FlateDecode /Length "
                    + packed.length + " >>\nstream\n");
            out.write(packed);
            write(out, "\nendstream\nendobj\n");
            int xrefNumber = objects + 5;
            int xrefOffset = out.size();
            // Rows of [type(1) field2(4) field3(3)] with a PNG predictor byte in front of each (2 = up).
            int columns = 8;
            java.io.ByteArrayOutputStream rows = new java.io.ByteArrayOutputStream();
            byte[] previous = new byte[columns];
            for (int n = 0; n <= xrefNumber; n++) {
                byte[] row = new byte[columns];
                if (n == 0) {
                    row[0] = 0;
                } else if (n <= 4) {
                    row[0] = 1;
                    putInt(row, 1, 4, offsets.get(n - 1));
                } else if (n < xrefNumber) {
                    row[0] = 2;
                    putInt(row, 1, 4, 4);
                    putInt(row, 5, 3, n - 5);
                } else {
                    row[0] = 1;
                    putInt(row, 1, 4, xrefOffset);
                }
                rows.write(2);
                for (int c = 0; c < columns; c++) {
                    rows.write((row[c] - previous[c]) & 0xff);
                }
                previous = row;
            }
            byte[] xref = deflate(rows.toByteArray());
            write(out, xrefNumber + " 0 obj\n<< /Type /XRef /Size " + (xrefNumber + 1) + " /W [1 4 3] /Root 1 0 R /Filter /FlateDecode "
                    + "/DecodeParms << /Predictor 12 /Columns " + columns + " >> /Length " + xref.length + " >>\nstream\n");
            out.write(xref);
            write(out, "\nendstream\nendobj\nstartxref\n" + xrefOffset + "\n%%EOF\n");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void putInt(byte[] row, int at, int width, long value) {
        for (int i = width - 1; i >= 0; i--) {
            row[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static byte[] deflate(byte[] plain) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(packed,
                new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION))) {
            z.write(plain);
        }
        return packed.toByteArray();
    }

    /** A real PNG header and data for a {@code side} x {@code side} 1-bit image: a few hundred KB for a 30000 x 30000 picture. */
    public static byte[] hugePng(int side) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 1).put((byte) 0)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", ihdr.array());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat,
                    new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION))) {
                byte[] row = new byte[1 + (side + 7) / 8];
                for (int y = 0; y < side; y++) {
                    z.write(row);
                }
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
