package id.teken.certificate.application.port.in;

/** The public PKI material: the CA chain and the current CRL. */
public interface PublishPkiUseCase {

    String caChainPem();

    byte[] issuingCaDer();

    byte[] currentCrl();

    /** Signs a fresh CRL (on a schedule, and after every revocation). */
    void refreshCrl();
}
