package id.teken.certificate.application.port.in;

/** Dashboard > Reset Passphrase: mails a reset link to the Email Dinas of a subscriber who holds a certificate. */
public interface RequestPassphraseResetUseCase {

    void requestReset(String nip);
}
