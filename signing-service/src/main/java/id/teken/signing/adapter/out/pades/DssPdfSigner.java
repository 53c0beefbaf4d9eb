package id.teken.signing.adapter.out.pades;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * PAdES with EU DSS on PDFBox. DSS computes the data to be signed; its SHA-256 goes out to certificate-service's
 * sign-hash and the returned value is embedded. B-T adds a time stamp from our TSA (RFC 3161).
 */
public class DssPdfSigner implements PdfSigner {

    private final PAdESService service;

    public DssPdfSigner(String tsaUrl) {
        service = new PAdESService(new CommonCertificateVerifier());
        service.setTspSource(new OnlineTSPSource(tsaUrl));
    }

    @Override
    public void checkReadable(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() == 0) {
                throw new DomainException(ErrorCode.PDF_INVALID, "PDF tidak memiliki halaman.");
            }
        } catch (InvalidPasswordException e) {
            throw new DomainException(ErrorCode.PDF_ENCRYPTED, "PDF dilindungi kata sandi; buka proteksinya lalu unggah lagi.");
        } catch (IOException e) {
            throw new DomainException(ErrorCode.PDF_INVALID, "PDF rusak atau tidak dapat dibaca.");
        }
    }

    @Override
    public byte[] sign(byte[] pdf, List<byte[]> chainDer, PadesLevel level, Instant signingTime, DigestSigner signer) {
        List<CertificateToken> chain = chainDer.stream().map(DSSUtils::loadCertificate).toList();
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level == PadesLevel.B_T ? SignatureLevel.PAdES_BASELINE_T : SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(chain.get(0));
        parameters.setCertificateChain(chain);
        parameters.bLevel().setSigningDate(Date.from(signingTime));
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        byte[] digest = DSSUtils.digest(DigestAlgorithm.SHA256, toBeSigned.getBytes());
        byte[] value = signer.sign(digest);
        DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(SignatureAlgorithm.RSA_SHA256, value));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            signed.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("signed PDF could not be written");
        }
    }
}
