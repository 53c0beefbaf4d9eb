package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.SubscriberIdentity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The issuing CA: signs subscriber certificates and CRLs; publishes its chain. Its keys never leave it. */
public interface CertificateAuthority {

    IssuedCertificate issue(SubscriberIdentity subject, byte[] subjectPublicKeyDer, Instant notBefore, Instant notAfter);

    byte[] signCrl(List<Credential> revoked, Instant thisUpdate, Instant nextUpdate, long crlNumber);

    /** The root's CRL over the CA certificates it issued (the issuing CA's status for relying parties trusting the root only). */
    byte[] signRootCrl(Instant thisUpdate, Instant nextUpdate, long crlNumber);

    /**
     * With the root offline (its key is not here): the root CRL its key ceremony signed, served as it is; empty when the
     * root's key is here and {@link #signRootCrl} signs it.
     */
    Optional<byte[]> publishedRootCrl();

    byte[] rootCertificateDer();

    /** Issuing-CA certificates that an earlier version used for the same key (PEM, possibly empty). */
    String previousIssuingPem();

    /** Issuing CA then root, PEM. */
    String chainPem();

    byte[] issuingCertificateDer();

    /** A freshly signed certificate. */
    record IssuedCertificate(String serialNumberHex, String subjectDn, String pem) {
    }
}
