package id.teken.signing.adapter.out.pades;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;


import eu.europa.esig.dss.simplereport.SimpleReport;



import eu.europa.esig.dss.validation.reports.Reports;
import id.teken.signing.application.port.in.VerifyDocumentUseCase.SignatureReport;
import id.teken.signing.application.port.out.PdfValidator;







import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * EU DSS validation (ETSI EN 319 102-1, DSS's default policy) with Teken's root as the only trust anchor (plus the
 * operator's extra anchors), online OCSP/CRL/AIA from Teken's own PKI only, within the PDF memory limits, and at most
 * {@code maxConcurrent} validations at once (verification is open to anyone; the excess waits up to 10 s, then 503).
 */
public class DssPdfValidator implements PdfValidator {

    private final TekenPki pki;
    private final java.util.concurrent.Semaphore turns;

    public DssPdfValidator(TekenPki pki) {
        this(pki, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** EU DSS's default validation policy, read once (reading it is a good part of a validation's time). */
    private static final eu.europa.esig.dss.model.policy.ValidationPolicy POLICY =
            eu.europa.esig.dss.validation.policy.ValidationPolicyLoader.fromDefaultValidationPolicy().create();

    public DssPdfValidator(TekenPki pki, int maxConcurrent) {
        this.pki = pki;
        this.turns = new java.util.concurrent.Semaphore(maxConcurrent, true);
    }

    @Override
    public List<SignatureReport> validate(byte[] pdf) {
        boolean turn;
        try {
            turn = turns.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new id.teken.signing.domain.DomainException(id.teken.signing.domain.ErrorCode.VERIFICATION_BUSY,
                    "Layanan verifikasi sedang sibuk. Coba lagi beberapa saat lagi.", java.time.Duration.ofSeconds(5));
        }
        try {
            return validateNow(pdf);
        } finally {
            turns.release();
        }
    }

    private List<SignatureReport> validateNow(byte[] pdf) {
        eu.europa.esig.dss.pades.validation.PDFDocumentValidator validator =
                new eu.europa.esig.dss.pades.validation.PDFDocumentValidator(new InMemoryDocument(pdf));
        validator.setPdfObjFactory(PdfLimits.objectFactory());
        validator.setCertificateVerifier(pki.verifier());
        Reports reports;
        try {
            reports = validator.validateDocument(POLICY);
        } catch (eu.europa.esig.dss.model.DSSException | IllegalStateException e) {
            throw new id.teken.signing.domain.DomainException(id.teken.signing.domain.ErrorCode.PDF_INVALID,
                    "Tanda tangan pada PDF ini tidak dapat dibaca.");
        }
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
                    simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name(), details(signature)));
        }
        return out;
    }

    private static id.teken.signing.application.port.in.VerifyDocumentUseCase.Details details(SignatureWrapper signature) {
        eu.europa.esig.dss.diagnostic.PDFRevisionWrapper revision = signature.getPDFRevision();
        CertificateWrapper signer = signature.getSigningCertificate();
        String tsa = signature.getTimestampList().stream().map(TimestampWrapper::getSigningCertificate)
                .filter(java.util.Objects::nonNull).map(CertificateWrapper::getCommonName).findFirst().orElse(null);
        return new id.teken.signing.application.port.in.VerifyDocumentUseCase.Details(
                revision == null ? null : revision.getFirstFieldName(), revision == null ? null : revision.getReason(),
                revision == null ? null : revision.getLocation(), signer == null ? null : signer.getCommonName(),
                signer == null ? null : signer.getCertificateIssuerDN(),
                signature.getSignatureAlgorithm() == null ? null : signature.getSignatureAlgorithm().getJCEId(),
                signature.getDigestAlgorithm() == null ? null : signature.getDigestAlgorithm().getName(),
                signer == null ? List.of() : signer.getKeyUsages().stream().map(Enum::name).toList(), tsa);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
