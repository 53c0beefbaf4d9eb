package id.teken.signing.adapter.out.pades;

import id.teken.signing.application.port.out.PdfSigner.Look;
import id.teken.signing.application.port.out.PdfSigner.Placement;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pdf.pdfbox.visible.PdfBoxNativeFont;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a visible block and the footer look like: the QR code or specimen image with the signer's text beside it, and
 * the footer line on every page, in the standard Helvetica (text reduced to what it can draw).
 */
final class BlockRendering {

    private static final float FOOTER_FONT_SIZE = 7;

    private BlockRendering() {
    }

    static SignatureImageParameters image(Placement placement, Look look, boolean withText) {
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(placement.page());
        field.setOriginX(placement.x());
        field.setOriginY(placement.y());
        field.setWidth(placement.width());
        field.setHeight(placement.height());
        image.setFieldParameters(field);
        Appearance a = look.appearance();
        byte[] picture = a.mode() == Appearance.Mode.QR ? qr(look.qrContent()) : a.specimen();
        image.setImage(new InMemoryDocument(picture, a.mode() == Appearance.Mode.QR ? "qr.png" : "specimen",
                a.mode() == Appearance.Mode.QR || picture[0] == (byte) 0x89 ? MimeTypeEnum.PNG : MimeTypeEnum.JPEG));
        image.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
        image.setBackgroundColor(Color.WHITE);
        if (withText && look.text() != null && !look.text().isBlank()) {
            SignatureImageTextParameters text = new SignatureImageTextParameters();
            text.setText(ascii(look.text()));
            text.setFont(new PdfBoxNativeFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA)));
            text.setTextWrapping(TextWrapping.FILL_BOX_AND_LINEBREAK);
            text.setSignerTextPosition(SignerTextPosition.RIGHT);
            text.setPadding(3);
            text.setTextColor(Color.BLACK);
            image.setTextParameters(text);
        }
        return image;
    }

    static byte[] qr(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            int scale = 8;
            BufferedImage img = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "PNG", out);
            return out.toByteArray();
        } catch (WriterException | IOException e) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, "Isi QR tidak dapat dijadikan kode QR.");
        }
    }

    /** The footer on every page, above the bottom edge, wrapped to the page width (before the first signature only). */
    static byte[] withFooter(byte[] pdf, String footer) {
        try (PDDocument document = PdfLimits.load(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
            String text = ascii(footer);
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getCropBox();
                List<String> lines = wrap(text, font, box.getWidth() - 72);
                try (PDPageContentStream stream = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    stream.beginText();
                    stream.setFont(font, FOOTER_FONT_SIZE);
                    stream.newLineAtOffset(box.getLowerLeftX() + 36, box.getLowerLeftY() + 14 + (lines.size() - 1) * (FOOTER_FONT_SIZE + 2));
                    for (String line : lines) {
                        stream.showText(line);
                        stream.newLineAtOffset(0, -(FOOTER_FONT_SIZE + 2));
                    }
                    stream.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new DomainException(ErrorCode.PDF_INVALID, "Footer tidak dapat ditulis pada PDF ini.");
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * FOOTER_FONT_SIZE > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Latin letters without accents and printable ASCII only, so PDFBox's standard Helvetica can draw it. */
    static String ascii(String value) {
        if (value == null) {
            return null;
        }
        String plain = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder();
        for (char c : plain.toCharArray()) {
            out.append(c == '\n' || (c >= 0x20 && c < 0x7f) ? c : '?');
        }
        return out.toString();
    }
}
