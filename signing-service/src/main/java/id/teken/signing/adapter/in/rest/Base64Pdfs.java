package id.teken.signing.adapter.in.rest;

import id.teken.signing.config.SigningConfig;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PdfDocument;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PDFs sent as base64 strings in JSON (BSrE's v2 routes, the CSC API's signDoc): decoded one by one, whitespace ignored,
 * each within the file limit and all within the batch limit, counted as they are decoded (a huge batch stops at the first
 * file past the limit).
 */
final class Base64Pdfs {

    private Base64Pdfs() {
    }

    /** {@code field} names the JSON field in messages ("file", "documents"). */
    static List<PdfDocument> decode(List<String> encoded, String field, SigningConfig.Signing limits) {
        List<PdfDocument> documents = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < encoded.size(); i++) {
            byte[] bytes;
            try {
                String one = encoded.get(i);
                bytes = Base64.getDecoder().decode(one == null ? "" : one.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new DomainException(ErrorCode.PDF_INVALID, field + "[" + i + "] bukan base64.");
            }
            total += bytes.length;
            if (total > limits.maxBatchSize().asLongValue()) {
                throw new DomainException(ErrorCode.PDF_TOO_LARGE, "Ukuran semua berkas maksimal " + EsignCompat.mb(limits.maxBatchSize()) + " MB.");
            }
            documents.add(PdfDocument.of("dokumen-" + (i + 1) + ".pdf", bytes, limits.maxPdfSize().asLongValue()));
        }
        return documents;
    }
}
