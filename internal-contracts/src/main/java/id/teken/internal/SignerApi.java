package id.teken.internal;

/** registration-service's internal signer lookup, which signing-service calls with the service token. */
public final class SignerApi {

    /** GET with exactly one of {@code ?nip=}, {@code ?nik=}, {@code ?email=} -> {@link SignerResponse}; 404 unknown, 409 ambiguous email. */
    public static final String SIGNERS = "/internal/v1/signers";

    private SignerApi() {
    }

    /** Who signs: identity from the directory, unit and jabatan for the visible block, the certificate's status. */
    public record SignerResponse(String nip, String nik, String nama, String jabatan, String unitOrganisasi, String emailDinas,
                                 String status) {
    }
}
