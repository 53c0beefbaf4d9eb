package id.teken.registration.application.port.in;

import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Registration;

import java.util.Optional;

/** Dashboard > Sertifikat Elektronik: the status (one of the nine) and, when issued, serial and validity. */
public interface ViewCertificateStatusUseCase {

    /** Empty means NOT_REGISTERED and never registered. */
    Optional<Registration> registration(Nip nip);
}
