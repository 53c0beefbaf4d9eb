package id.teken.registration.application.port.in;

import id.teken.registration.domain.CertificateStatus;

import java.util.Optional;

/**
 * For signing-service (BSrE-compatible routes name the signer by NIK or email; the visible signature shows name and
 * jabatan): who a registered signer is and their certificate status, one of the nine.
 */
public interface LookUpSignerUseCase {

    /** Exactly one of nip, nik, email is set; malformed values throw NIP_INVALID / NIK_INVALID / MALFORMED_REQUEST. */
    Optional<Signer> find(String nip, String nik, String email);

    /** A registered signer. Name and jabatan from the directory; null when it cannot answer. */
    record Signer(String nip, String nik, String nama, String jabatan, String unitOrganisasi, String emailDinas,
                  CertificateStatus status) {
    }
}
