package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.SigningApproval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored signing approvals (hashes only); every change is one conditional statement, so parallel calls cannot both win. */
public interface SigningApprovals {

    void save(SigningApproval approval);

    Optional<SigningApproval> findByTokenHash(String tokenHash);

    /** The open requests of this signer through this channel (not closed, not expired), newest first. */
    List<SigningApproval> openFor(String nip, String channel, Instant now);

    /** Marks it approved if it is still open and was not approved before. */
    boolean markApproved(UUID id, Instant now);

    /** Counts a wrong code; closes the request at the limit. The count after. */
    int countWrongCode(UUID id, Instant now);

    void close(UUID id, Instant now);

    /** Requests of this signer and channel made since. */
    long countRequestedSince(String nip, String channel, Instant since);

    /** Closes the open request as spent (a second-factor code used once); false when it was closed or expired meanwhile. */
    boolean spend(java.util.UUID id, java.time.Instant now);
}
