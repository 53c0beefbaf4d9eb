package id.teken.certificate.application.port.in;

/** Dashboard > Reset Passphrase: mails a reset link to the Email Dinas of a subscriber who holds a certificate. */
public interface RequestPassphraseResetUseCase {

    void requestReset(String nip);

    /**
     * Renewal: for a certificate within the renewal window before its end, or already expired, mails a RENEW link;
     * setting the passphrase then re-keys like a reset. Announced so that the dashboard shows RENEW.
     */
    void requestRenewal(String nip);
}
