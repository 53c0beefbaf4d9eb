package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.Credential;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored credentials (certificates with their sealed keys). A new credential is inserted once; afterwards only its
 * status changes, by compare-and-set on the status read, so a change made meanwhile is never overwritten.
 */
public interface CredentialRepository {

    void insert(Credential credential);

    /** A seal's credential (nip null): inserted with the seal it belongs to, in the same transaction. */
    void insertSeal(Credential credential, String sealId);

    Optional<Credential> findActiveSeal(String sealId);

    /** Every credential of the seal, oldest first. */
    List<Credential> findBySeal(String sealId);

    /**
     * Writes {@code to}'s status, reason and revocation time if the stored status is still {@code from}'s; false when
     * another change came first (nothing is written then).
     */
    boolean transition(Credential from, Credential to);

    Optional<Credential> findById(UUID id);

    /** Replaces the sealed key (re-sealed in the current format) if it is still the one read; false otherwise. */
    boolean replaceSealedKey(UUID id, byte[] expected, byte[] replacement);

    Optional<Credential> findActive(String nip);

    /** Everything the CRL lists: revoked credentials and suspended ones (certificateHold). */
    List<Credential> findRevoked();

    /** Every credential of the NIP, oldest first. */
    List<Credential> findByNip(String nip);

    /** ACTIVE credentials of persons whose end is before the instant (a seal's end is checked at each use). */
    List<Credential> findActiveEndingBefore(Instant instant);

    /** Remembers that a reminder for this many days before the end was mailed. */
    boolean markReminded(UUID credentialId, int days);

    /** By serial number (hex, upper case). */
    Optional<Credential> findBySerial(String serialHex);
}
