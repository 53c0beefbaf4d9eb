package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.Credential;

import java.util.List;
import java.util.Optional;

/** Stored credentials (certificates with their sealed keys). */
public interface CredentialRepository {

    void save(Credential credential);

    Optional<Credential> findActive(String nip);

    List<Credential> findRevoked();

    List<Credential> findByNip(String nip);

    /** ACTIVE credentials whose end is before the instant. */
    List<Credential> findActiveEndingBefore(java.time.Instant instant);

    /** Remembers that a reminder for this many days before the end was mailed. */
    boolean markReminded(java.util.UUID credentialId, int days);

    /** By serial number (hex, upper case). */
    Optional<Credential> findBySerial(String serialHex);
}
