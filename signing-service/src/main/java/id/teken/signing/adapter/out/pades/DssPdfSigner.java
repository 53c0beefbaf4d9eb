package id.teken.signing.adapter.out.pades;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.DSSMessageDigest;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.ExternalCMSService;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pades.signature.PAdESWithExternalCMSService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.visible.PdfBoxNativeFont;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * PAdES with EU DSS on PDFBox. DSS computes the data to be signed; its SHA-256 goes out to certificate-service's
 * sign-hash and the returned value is embedded. B-T adds a time stamp from our TSA (RFC 3161); B-LT also embeds the
 * OCSP/CRL answers for the signer's certificate. Visible blocks are drawn with PDFBox's own Helvetica (no system fonts
 * needed); the QR code is made with ZXing.
 */
public class DssPdfSigner implements PdfSigner {

    private static final float FOOTER_FONT_SIZE = 7;

    private final String tsaUrl;
    private final TekenPki pki;
    private final LongTermData longTerm;

    public DssPdfSigner(String tsaUrl, TekenPki pki) {
        this.tsaUrl = tsaUrl;
        this.pki = pki;
        this.longTerm = new LongTermData(pki);
    }

    @Override
    public Inspected inspect(byte[] pdf, Appearance appearance) {
        try (PDDocument document = PdfLimits.load(pdf)) {
            checkSpecimen(appearance);
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new DomainException(ErrorCode.PDF_INVALID, "PDF tidak memiliki halaman.");
            }
            int signatures = document.getSignatureDictionaries().size();
            Placement placement = appearance.isVisible() ? place(document, appearance) : null;
            return new Inspected(pages, signatures, placement);
        } catch (InvalidPasswordException e) {
            throw new DomainException(ErrorCode.PDF_ENCRYPTED, "PDF dilindungi kata sandi; buka proteksinya lalu unggah lagi.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw new DomainException(ErrorCode.PDF_INVALID, "PDF rusak atau tidak dapat dibaca.");
        }
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

    private static Placement place(PDDocument document, Appearance a) throws IOException {
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

    /**
     * Between the digest and the signature value: DSS's digest of the PDF revision with an empty /Contents, that revision's
     * bytes, and the parameters the CMS is built with.
     */
    private record DssPrepared(byte[] digest, DSSMessageDigest documentDigest, PAdESSignatureParameters parameters, byte[] revision,
                               PadesLevel level, List<CertificateToken> chain) implements Prepared {
    }

    /** For building the CMS: nothing is fetched (the validation data are added afterwards); one instance, configuration only. */
    private static final CommonCertificateVerifier OFFLINE = new CommonCertificateVerifier();

    /** Room for the CMS in /Contents (DER bytes): signer chain, signature time stamp with the TSA's chain, and some to spare. */
    static final int CONTENTS_SIZE = 16_384;

    /**
     * DSS writes the new revision once (the field, the appearance, an empty /Contents) and digests its byte range; the
     * CMS signed attributes are built over that digest (ExternalCMSService), and their SHA-256 is what gets signed.
     */
    @Override
    public Prepared prepare(byte[] pdf, Inspected inspected, Look look, List<byte[]> chainDer, PadesLevel level, Instant signingTime) {
        Appearance appearance = look.appearance();
        byte[] input = appearance.footer() != null && inspected.existingSignatures() == 0 ? withFooter(pdf, appearance.footer()) : pdf;
        List<CertificateToken> chain = chainDer.stream().map(DSSUtils::loadCertificate).toList();
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        // The CMS is B-B or B-T; the validation data (B-LT) and the archive time stamp (B-LTA) are added afterwards.
        parameters.setSignatureLevel(level == PadesLevel.B_B ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(chain.get(0));
        parameters.setCertificateChain(chain);
        parameters.bLevel().setSigningDate(Date.from(signingTime));
        parameters.setReason(ascii(appearance.reason()));
        parameters.setLocation(ascii(appearance.location()));
        parameters.setAppName("Teken");
        parameters.setContentSize(CONTENTS_SIZE);
        // The signature time stamp's imprint is the SHA-256 of the signature value: what certificate-service time-stamps.
        parameters.getSignatureTimestampParameters().setDigestAlgorithm(DigestAlgorithm.SHA256);
        if (appearance.isVisible()) {
            parameters.setImageParameters(image(inspected.placement(), look, true));
        }
        PAdESWithExternalCMSService pades = new PAdESWithExternalCMSService();
        pades.setPdfObjFactory(PdfLimits.objectFactory());
        DSSDocument document = new InMemoryDocument(input);
        try {
            DSSMessageDigest documentDigest;
            try {
                documentDigest = pades.getMessageDigest(document, parameters);
            } catch (IllegalArgumentException tooSmall) {
                if (!appearance.isVisible()) {
                    throw tooSmall;
                }
                // A box too small for picture and text keeps the picture alone (DSS refuses to shrink text further).
                parameters.setImageParameters(image(inspected.placement(), look, false));
                parameters.reinit();
                documentDigest = pades.getMessageDigest(document, parameters);
            }
            byte[] revision = DSSUtils.toByteArray(parameters.getPdfSignatureCache().getToBeSignedDocument());
            ToBeSigned toBeSigned = new ExternalCMSService(OFFLINE).getDataToSign(documentDigest, parameters);
            return new DssPrepared(DSSUtils.digest(DigestAlgorithm.SHA256, toBeSigned.getBytes()), documentDigest, parameters, revision,
                    level, chain);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, "Kotak tanda tangan terlalu kecil; perbesar width/height.");
        } catch (DSSException e) {
            throw unavailable();
        }
    }

    /**
     * The CMS around the value (with the time-stamp token certificate-service made over it, else one from the TSA) goes
     * into the reserved /Contents in place; B-LT appends one small revision with the DSS dictionary (certificates, OCSP,
     * CRLs: the signer's OCSP comes with the value, the CAs' CRLs from a cache); B-LTA then has DSS add a document time stamp.
     */
    @Override
    public byte[] finish(Prepared prepared, byte[] signatureValue, Evidence evidence) {
        DssPrepared p = (DssPrepared) prepared;
        try {
            ExternalCMSService cms = new ExternalCMSService(OFFLINE);
            if (p.level() != PadesLevel.B_B) {
                cms.setTspSource(new HandedTimestamp(evidence.timestampToken(), new OnlineTSPSource(tsaUrl)));
            }
            byte[] cmsDer = DSSUtils.toByteArray(cms.signMessageDigest(p.documentDigest(), p.parameters(),
                    new SignatureValue(SignatureAlgorithm.RSA_SHA256, signatureValue)));
            byte[] signed = SignatureContents.fill(p.revision(), cmsDer, p.documentDigest().getValue());
            if (p.level().longTerm()) {
                signed = DssDictionary.append(signed, longTerm.collect(p.chain(), cmsDer, evidence.signerOcsp()));
            }
            return p.level() == PadesLevel.B_LTA ? extend(signed) : signed;
        } catch (DSSException | IllegalArgumentException e) {
            throw unavailable();
        }
    }

    @Override
    public byte[] extend(byte[] signedPdf) {
        PAdESService service = new PAdESService(pki.verifier());
        service.setPdfObjFactory(PdfLimits.objectFactory());
        service.setTspSource(new OnlineTSPSource(tsaUrl));
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_LTA);
        try {
            DSSDocument extended = service.extendDocument(new InMemoryDocument(signedPdf), parameters);
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                extended.writeTo(out);
                return out.toByteArray();
            }
        } catch (IllegalInputException e) {
            throw new DomainException(ErrorCode.NOT_SIGNED, "Dokumen tidak memiliki tanda tangan elektronik untuk diperpanjang.");
        } catch (DSSException e) {
            throw unavailable();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Time-stamp or revocation sources that cannot be reached: a temporary failure, never the user's fault. */
    private static DomainException unavailable() {
        return new DomainException(ErrorCode.SIGNING_UNAVAILABLE,
                "Layanan cap waktu atau status sertifikat tidak dapat dihubungi. Coba lagi nanti.");
    }

    private static SignatureImageParameters image(Placement placement, Look look, boolean withText) {
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
    private static byte[] withFooter(byte[] pdf, String footer) {
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
