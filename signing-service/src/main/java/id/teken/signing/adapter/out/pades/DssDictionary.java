package id.teken.signing.adapter.out.pades;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Appends the PDF's Document Security Store (ISO 32000-2 12.8.4.3, ETSI EN 319 142-1 5.4) as one incremental update: the
 * /Certs, /OCSPs and /CRLs arrays keep what an earlier signer's DSS holds and gain what is new (compared by content).
 * The document was just written by us; only its last revision is added to, nothing before it changes.
 */
final class DssDictionary {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName CERTS = COSName.getPDFName("Certs");
    private static final COSName OCSPS = COSName.getPDFName("OCSPs");
    private static final COSName CRLS = COSName.getPDFName("CRLs");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");

    private DssDictionary() {
    }

    static byte[] append(byte[] pdf, LongTermData.Material material) {
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMixed(PdfLimits.MAX_MEMORY, PdfLimits.MAX_SCRATCH).streamCache)) {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSDictionary earlier = catalog.getCOSDictionary(DSS);
            COSDictionary dss = new COSDictionary();
            if (earlier != null) {
                for (COSName key : earlier.keySet()) {
                    if (!key.equals(CERTS) && !key.equals(OCSPS) && !key.equals(CRLS)) {
                        dss.setItem(key, earlier.getItem(key));
                    }
                }
            }
            dss.setItem(CERTS, merged(document, earlier, CERTS, material.certificates()));
            dss.setItem(OCSPS, merged(document, earlier, OCSPS, material.ocsps()));
            dss.setItem(CRLS, merged(document, earlier, CRLS, material.crls()));
            dss.setNeedToBeUpdated(true);
            catalog.setItem(DSS, dss);
            developerExtension(document, catalog);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The earlier array's entries (as references), then a new stream for each item not among them. */
    private static COSArray merged(PDDocument document, COSDictionary earlier, COSName key, List<byte[]> items) throws IOException {
        COSArray array = new COSArray();
        Set<String> present = new HashSet<>();
        COSArray old = earlier == null ? null : earlier.getCOSArray(key);
        if (old != null) {
            for (int i = 0; i < old.size(); i++) {
                COSBase entry = old.get(i);
                COSBase resolved = entry instanceof COSObject o ? o.getObject() : entry;
                if (resolved instanceof COSStream stream) {
                    try (InputStream in = stream.createInputStream()) {
                        present.add(sha256(in.readAllBytes()));
                    }
                }
                array.add(entry);
            }
        }
        for (byte[] item : items) {
            if (present.add(sha256(item))) {
                COSStream stream = document.getDocument().createCOSStream();
                try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
                    o.write(item);
                }
                array.add(stream);
            }
        }
        array.setNeedToBeUpdated(true);
        return array;
    }

    /** Like DSS: a PDF 1.7 document says it uses Adobe's extension level 8 (which brought the DSS), unless it says so already. */
    private static void developerExtension(PDDocument document, COSDictionary catalog) {
        if (document.getVersion() < 1.7f || document.getVersion() >= 2.0f) {
            return;
        }
        COSDictionary extensions = catalog.getCOSDictionary(EXTENSIONS);
        if (extensions != null && (extensions.containsKey(COSName.getPDFName("ADBE")) || extensions.containsKey(COSName.getPDFName("ESIC")))) {
            return;
        }
        COSDictionary updated = new COSDictionary();
        if (extensions != null) {
            for (COSName key : extensions.keySet()) {
                updated.setItem(key, extensions.getItem(key));
            }
        }
        COSDictionary adbe = new COSDictionary();
        adbe.setItem(COSName.TYPE, COSName.getPDFName("DeveloperExtensions"));
        adbe.setName(COSName.getPDFName("BaseVersion"), "1.7");
        adbe.setItem(COSName.getPDFName("ExtensionLevel"), COSInteger.get(8));
        adbe.setDirect(true);
        updated.setItem(COSName.getPDFName("ADBE"), adbe);
        updated.setDirect(true);
        catalog.setItem(EXTENSIONS, updated);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
