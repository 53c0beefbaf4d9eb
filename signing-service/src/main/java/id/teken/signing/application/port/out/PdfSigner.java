package id.teken.signing.application.port.out;

import id.teken.signing.domain.PadesLevel;

import java.time.Instant;
import java.util.List;

/** Makes a PAdES signature on a PDF whose signature value comes from elsewhere (the digest is handed out). */
public interface PdfSigner {

    byte[] sign(byte[] pdf, List<byte[]> chainDer, PadesLevel level, Instant signingTime, DigestSigner signer);

    /** Throws a PDF_INVALID or PDF_ENCRYPTED DomainException unless PDFBox can open the document. */
    void checkReadable(byte[] pdf);

    /** Signs a SHA-256 digest and returns the PKCS#1 signature value. */
    @FunctionalInterface
    interface DigestSigner {
        byte[] sign(byte[] sha256Digest);
    }
}
