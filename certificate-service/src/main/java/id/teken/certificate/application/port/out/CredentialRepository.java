package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.Credential;

import java.util.List;
import java.util.Optional;

/** Stored credentials (certificates with their sealed keys). */
public interface CredentialRepository {

    void save(Credential credential);

    Optional<Credential> findActive(String nip);

    List<Credential> findRevoked();

    /** By serial number (hex, upper case). */
    Optional<Credential> findBySerial(String serialHex);
}
