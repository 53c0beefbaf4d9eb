package id.teken.signing.application.port.in;

/** BSrE's user status: the certificate status (one of the nine) of the signer with this NIK or email. */
public interface LookUpSignerStatusUseCase {

    /** NOT_REGISTERED when nobody registered with it. */
    String status(String nik, String email);
}
