package id.teken.signing.adapter.out.pades;

import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an untrusted PDF may cost this service: PDFBox and DSS parse with at most 64 MB of memory and 512 MB of scratch file
 * per document; a document may have at most 2,000 pages, 200,000 objects and 100 signatures, and its compressed streams
 * may decode to at most 64 MB each and 256 MB in all (a "Flate bomb" of a few kilobytes is refused, not inflated).
 */
final class PdfLimits {

    static final long MAX_MEMORY = 64L * 1024 * 1024;
    static final long MAX_SCRATCH = 512L * 1024 * 1024;
    static final int MAX_PAGES = 2_000;
    static final int MAX_OBJECTS = 200_000;
    static final int MAX_SIGNATURES = 100;
    static final long MAX_STREAM_DECODED = 64L * 1024 * 1024;
    static final long MAX_TOTAL_DECODED = 256L * 1024 * 1024;
    /** Filters whose output is pixels for a renderer, not data this service reads: never decoded here. */
    private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION, COSName.JPX_DECODE,
            COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

    private PdfLimits() {
    }

    /** DSS's PDF object factory with the memory limits. */
    static PdfBoxNativeObjectFactory objectFactory() {
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        factory.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.mixed(MAX_MEMORY, MAX_SCRATCH));
        // No page is rendered to compare revisions by their pixels: rendering an untrusted PDF decodes every image in it
        // (a 600 KB file can hold an image of gigabytes) and costs most of a validation's time. The revisions are still
        // compared object by object (annotations, fields, pages), which is what finds a shadow attack.
        eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder differences = new eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(0);
        factory.setPdfDifferencesFinder(differences);
        return factory;
    }

    /** Opens the PDF within the memory limits and checks its size; the caller closes it. */
    static PDDocument load(byte[] pdf) throws IOException {
        PDDocument document = Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMixed(MAX_MEMORY, MAX_SCRATCH).streamCache);
        try {
            check(document);
            return document;
        } catch (RuntimeException | IOException e) {
            document.close();
            throw e;
        }
    }

    /** Throws PDF_TOO_COMPLEX when the document is beyond the limits. */
    static void check(PDDocument document) throws IOException {
        if (document.getNumberOfPages() > MAX_PAGES) {
            throw tooComplex("lebih dari " + MAX_PAGES + " halaman");
        }
        List<COSObjectKey> keys = new ArrayList<>(document.getDocument().getXrefTable().keySet());
        if (keys.size() > MAX_OBJECTS) {
            throw tooComplex("lebih dari " + MAX_OBJECTS + " objek");
        }
        if (document.getSignatureDictionaries().size() > MAX_SIGNATURES) {
            throw tooComplex("lebih dari " + MAX_SIGNATURES + " tanda tangan");
        }
        Set<COSObjectKey> contents = new java.util.HashSet<>();
        for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
            COSBase c = page.getCOSObject().getItem(COSName.CONTENTS);
            for (COSBase item : c instanceof COSArray array ? array : List.of(c == null ? org.apache.pdfbox.cos.COSNull.NULL : c)) {
                if (item instanceof COSObject o && o.getKey() != null) {
                    contents.add(o.getKey());
                }
            }
        }
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (COSObjectKey key : keys) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            COSBase base = object == null ? null : object.getObject();
            if (!(base instanceof COSStream stream) || !decodable(stream.getFilters())
                    || (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE)) && !contents.contains(key))) {
                // An image is pixels for a renderer: nothing here decodes one (PDFBox treats a stream as an image by its
                // /Subtype wherever it is drawn from), unless it is given as a page's /Contents, which is always read.
                continue;
            }
            long decoded = 0;
            try (InputStream in = stream.createInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    decoded += n;
                    total += n;
                    if (decoded > MAX_STREAM_DECODED || total > MAX_TOTAL_DECODED) {
                        throw tooComplex("aliran data yang mengembang melebihi batas (kemungkinan zip bomb)");
                    }
                }
            } catch (IOException e) {
                // A damaged stream is PDFBox's to judge where it is used; its size was not the problem.
            }
        }
    }

    private static boolean decodable(COSBase filters) {
        if (filters == null) {
            return false;
        }
        if (filters instanceof COSName name) {
            return !IMAGE_FILTERS.contains(name);
        }
        if (filters instanceof COSArray array) {
            for (COSBase f : array) {
                if (f instanceof COSName name && IMAGE_FILTERS.contains(name)) {
                    return false;
                }
            }
            return array.size() > 0;
        }
        return false;
    }

    private static DomainException tooComplex(String why) {
        return new DomainException(ErrorCode.PDF_TOO_COMPLEX, "PDF tidak dapat diproses: " + why + ".");
    }
}
