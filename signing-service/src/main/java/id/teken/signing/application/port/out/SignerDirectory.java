package id.teken.signing.application.port.out;

import java.util.Optional;

/**
 * registration-service's record of registered signers: who a NIK or email belongs to, their name and jabatan for the
 * visible block, and their certificate status (one of the nine). Throws SIGNING_UNAVAILABLE when it cannot answer and
 * NIK_INVALID-style problems as APPEARANCE-free MALFORMED_REQUEST.
 */
public interface SignerDirectory {

    Optional<Signer> find(String nip, String nik, String email);

    /** A registered signer (an email that names two people is SIGNER_AMBIGUOUS, never a guess). */
    record Signer(String nip, String nik, String nama, String jabatan, String unitOrganisasi, String emailDinas, String status) {
    }
}
