package id.teken.signing.domain;

import java.nio.charset.StandardCharsets;

/** Bytes that claim to be a PDF: not empty, within the size limit, starting with the %PDF- header. */
public record PdfDocument(String name, byte[] bytes) {

    public static PdfDocument of(String name, byte[] bytes, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new DomainException(ErrorCode.PDF_REQUIRED, "Berkas PDF kosong atau tidak diunggah.");
        }
        if (bytes.length > maxBytes) {
            throw new DomainException(ErrorCode.PDF_TOO_LARGE, "Ukuran PDF maksimal " + (maxBytes / (1024 * 1024)) + " MB.");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        if (!head.contains("%PDF-")) {
            throw new DomainException(ErrorCode.PDF_INVALID, "Berkas ini bukan PDF.");
        }
        return new PdfDocument(name == null || name.isBlank() ? "dokumen.pdf" : name, bytes);
    }
}
