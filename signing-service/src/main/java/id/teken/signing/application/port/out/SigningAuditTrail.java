package id.teken.signing.application.port.out;

/**
 * The tamper-evident audit trail of signing attempts that no event records (the CSC API's authorizations and hash
 * signatures, granted or refused). {@code detail} never holds a secret, a hash or a SAD.
 */
public interface SigningAuditTrail {

    void record(String actorNip, String action, String subject, String detail);
}
