package id.teken.signing.adapter.out.pades;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.DSSMessageDigest;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.ExternalCMSService;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pades.signature.PAdESWithExternalCMSService;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * PAdES with EU DSS on PDFBox. DSS computes the data to be signed; its SHA-256 goes out to certificate-service's
 * sign-hash and the returned value is embedded. B-T adds a time stamp from our TSA (RFC 3161); B-LT also embeds the
 * OCSP/CRL answers for the signer's certificate. Visible blocks are drawn with PDFBox's own Helvetica (no system fonts
 * needed); the QR code is made with ZXing.
 */
public class DssPdfSigner implements PdfSigner {

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
            BlockPlacement.checkSpecimen(appearance);
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new DomainException(ErrorCode.PDF_INVALID, "PDF tidak memiliki halaman.");
            }
            int signatures = document.getSignatureDictionaries().size();
            Placement placement = appearance.isVisible() ? BlockPlacement.place(document, appearance) : null;
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

    /**
     * Between the digest and the signature value: DSS's digest of the PDF revision with an empty /Contents, that revision's
     * bytes, and the parameters the CMS is built with.
     */
    private record DssPrepared(byte[] digest, DSSMessageDigest documentDigest, PAdESSignatureParameters parameters, byte[] revision,
                               PadesLevel level, List<CertificateToken> chain) implements Prepared {
    }

    /** For building the CMS: nothing is fetched (the validation data are added afterwards); one instance, configuration only. */
    private static final CommonCertificateVerifier OFFLINE = new CommonCertificateVerifier();

    /**
     * DSS's CMS builder without its check of the signing certificate: DSS builds a whole validation context for it (chain,
     * revocation through the verifier's sources, of which this one has none) twice per signature, about a tenth of this
     * service's CPU for a signature. certificate-service is the authority on the certificate (only ISSUE, unexpired,
     * unlocked signs, checked when the key opens and again when it signs); what is left here is the date check.
     */
    static final class Cms extends ExternalCMSService {
        Cms() {
            super(OFFLINE);
        }

        @Override
        protected void assertSigningCertificateValid(eu.europa.esig.dss.signature.AbstractSignatureParameters<?> parameters) {
            CertificateToken signer = parameters.getSigningCertificate();
            Date at = parameters.bLevel().getSigningDate();
            if (signer == null || at == null || !signer.isValidOn(at)) {
                throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat tidak berlaku pada waktu penandatanganan.");
            }
        }
    }

    /** Room for the CMS in /Contents (DER bytes): signer chain, signature time stamp with the TSA's chain, and some to spare. */
    static final int CONTENTS_SIZE = 16_384;

    /**
     * DSS writes the new revision once (the field, the appearance, an empty /Contents) and digests its byte range; the
     * CMS signed attributes are built over that digest (ExternalCMSService), and their SHA-256 is what gets signed.
     */
    @Override
    public Prepared prepare(byte[] pdf, Inspected inspected, Look look, List<byte[]> chainDer, PadesLevel level, Instant signingTime) {
        Appearance appearance = look.appearance();
        byte[] input = appearance.footer() != null && inspected.existingSignatures() == 0 ? BlockRendering.withFooter(pdf, appearance.footer()) : pdf;
        List<CertificateToken> chain = chainDer.stream().map(DSSUtils::loadCertificate).toList();
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        // The CMS is B-B or B-T; the validation data (B-LT) and the archive time stamp (B-LTA) are added afterwards.
        parameters.setSignatureLevel(level == PadesLevel.B_B ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(chain.get(0));
        parameters.setCertificateChain(chain);
        parameters.bLevel().setSigningDate(Date.from(signingTime));
        parameters.setReason(BlockRendering.ascii(appearance.reason()));
        parameters.setLocation(BlockRendering.ascii(appearance.location()));
        parameters.setAppName("Teken");
        parameters.setContentSize(CONTENTS_SIZE);
        // The signature time stamp's imprint is the SHA-256 of the signature value: what certificate-service time-stamps.
        parameters.getSignatureTimestampParameters().setDigestAlgorithm(DigestAlgorithm.SHA256);
        if (appearance.isVisible()) {
            parameters.setImageParameters(BlockRendering.image(inspected.placement(), look, true));
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
                parameters.setImageParameters(BlockRendering.image(inspected.placement(), look, false));
                parameters.reinit();
                documentDigest = pades.getMessageDigest(document, parameters);
            }
            byte[] revision = DSSUtils.toByteArray(parameters.getPdfSignatureCache().getToBeSignedDocument());
            ToBeSigned toBeSigned = new Cms().getDataToSign(documentDigest, parameters);
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
            ExternalCMSService cms = new Cms();
            byte[] token = evidence.timestampToken();
            boolean handed = p.level() != PadesLevel.B_B && token != null
                    && HandedTimestamp.covers(token, DigestAlgorithm.SHA256, DSSUtils.digest(DigestAlgorithm.SHA256, signatureValue));
            if (handed) {
                // The token certificate-service made over this value: the B-B CMS with it as the signature time stamp, added
                // here (DSS's extension to B-T would parse the CMS again, check its signature and rebuild it for that).
                p.parameters().setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
            } else if (p.level() != PadesLevel.B_B) {
                cms.setTspSource(new HandedTimestamp(null, new OnlineTSPSource(tsaUrl, pki.timestampLoader())));
            }
            byte[] cmsDer = DSSUtils.toByteArray(cms.signMessageDigest(p.documentDigest(), p.parameters(),
                    new SignatureValue(SignatureAlgorithm.RSA_SHA256, signatureValue)));
            if (handed) {
                cmsDer = SignatureTimestamp.add(cmsDer, token);
            }
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
        service.setTspSource(new OnlineTSPSource(tsaUrl, pki.timestampLoader()));
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
}
