package id.teken.certificate.application.port.in;

/**
 * The public PKI material: the CA chain, the root and issuing CA certificates, and the CRLs of both CAs (the issuing CA's
 * over subscriber certificates, the root's over the issuing CA), so that a relying party that trusts only the root can
 * check the whole chain.
 */
public interface PublishPkiUseCase {

    /** Issuing CA then root, PEM; then any earlier issuing-CA certificates of the same key. */
    String caChainPem();

    byte[] issuingCaDer();

    byte[] rootCaDer();

    byte[] currentCrl();

    byte[] currentRootCrl();

    /** Signs a fresh issuing-CA CRL (on a schedule, and after every revocation, suspension or reinstatement). */
    void refreshCrl();

    /** Signs a fresh root CRL when the current one is older than a day (or missing). */
    void refreshRootCrlIfDue();
}
