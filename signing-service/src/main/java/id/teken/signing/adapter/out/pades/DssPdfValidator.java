package id.teken.signing.adapter.out.pades;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import id.teken.signing.application.port.in.VerifyDocumentUseCase.SignatureReport;
import id.teken.signing.application.port.out.PdfValidator;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * EU DSS validation with Teken's CA chain (fetched once from certificate-service's /pki/ca) as the trust anchors,
 * and online OCSP/CRL for the revocation status of subscriber certificates.
 */
public class DssPdfValidator implements PdfValidator {

    private final URI caChainUrl;
    private volatile CommonTrustedCertificateSource trusted;

    public DssPdfValidator(URI caChainUrl) {
        this.caChainUrl = caChainUrl;
    }

    @Override
    public List<SignatureReport> validate(byte[] pdf) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trustAnchor());
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setCrlSource(new OnlineCRLSource());
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<SignatureReport> out = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            SignatureWrapper signature = diagnostic.getSignatureById(id);
            CertificateWrapper signer = signature.getSigningCertificate();
            List<CertificateWrapper> chain = signature.getCertificateChain();
            List<Instant> stamps = signature.getTimestampList().stream().map(TimestampWrapper::getProductionTime)
                    .map(Date::toInstant).toList();
            out.add(new SignatureReport(id, simple.getSignedBy(id), signer == null ? null : signer.getCertificateDN(),
                    signer == null ? null : signer.getSerialNumber(), signer == null ? null : instant(signer.getNotBefore()),
                    signer == null ? null : instant(signer.getNotAfter()), instant(simple.getSigningTime(id)), stamps,
                    signature.isSignatureIntact() && signature.isSignatureValid(),
                    !chain.isEmpty() && chain.get(chain.size() - 1).isTrusted(),
                    signer != null && signer.getCertificateRevocationData().stream().anyMatch(r -> r.isRevoked()),
                    simple.getSignatureFormat(id) == null ? null : simple.getSignatureFormat(id).toString(),
                    simple.getIndication(id) == null ? null : simple.getIndication(id).name(),
                    simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name()));
        }
        return out;
    }

    private CommonTrustedCertificateSource trustAnchor() {
        if (trusted == null) {
            synchronized (this) {
                if (trusted == null) {
                    try {
                        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(caChainUrl)
                                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        List<java.security.cert.Certificate> list = new ArrayList<>(java.security.cert.CertificateFactory
                                .getInstance("X.509").generateCertificates(new ByteArrayInputStream(response.body())));
                        CommonTrustedCertificateSource source = new CommonTrustedCertificateSource();
                        // Root and issuing CA are both Teken's own: the issuing CA has no revocation source of its
                        // own, so it is an anchor too and only subscriber certificates need OCSP/CRL data.
                        for (java.security.cert.Certificate c : list) {
                            source.addCertificate(DSSUtils.loadCertificate(c.getEncoded()));
                        }
                        trusted = source;
                    } catch (Exception e) {
                        throw new id.teken.signing.domain.DomainException(id.teken.signing.domain.ErrorCode.SIGNING_UNAVAILABLE,
                                "Rantai CA tidak dapat diambil untuk verifikasi. Coba lagi nanti.");
                    }
                }
            }
        }
        return trusted;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
