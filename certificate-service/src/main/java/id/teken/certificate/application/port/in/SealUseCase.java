package id.teken.certificate.application.port.in;

import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.SealSubscriber;

import java.time.Instant;
import java.util.List;

/**
 * Seals (segel elektronik, BSrE v2): an ADMIN creates a seal for an organisation unit (its certificate issued at once, the
 * key kept under the master key only); a system client activates it with a code mailed to the unit's official address,
 * keeps that activation code, and asks with it for a seal TOTP for a number of documents; the seal TOTP then stands in for
 * a passphrase for those documents, through that client only. Wrong codes close the client's activation after a few.
 */
public interface SealUseCase {

    /**
     * Creates the seal and issues its certificate; SEAL_EXISTS for a unit whose seal is active, MALFORMED_REQUEST for bad
     * fields. A unit whose seal was revoked (or ended) gets a new key and certificate under the same idSubscriber.
     */
    SealView create(CreateCommand command);

    List<SealView> list();

    SealView find(String sealId);

    /** Revokes the seal's certificate (RFC 5280 reason; on the CRL and in OCSP at once) and closes every activation. */
    SealView revoke(String sealId, String reason, String adminNip);

    /** The seal's current certificate for building signatures (serial, status, unit, chain PEM leaf first). */
    SealCertificate certificate(String sealId);

    /**
     * Without a code: a new activation code is mailed to the unit (replacing the client's earlier one; at most one mail a
     * minute). With the client's current code: its validity is renewed and it is answered again ("masih berlaku").
     */
    Activation activate(String sealId, String channel, String clientName, String code);

    /** Ends the client's activation (the code is needed: the client proves it holds it). */
    void revokeActivation(String sealId, String channel, String code);

    /** With the activation code: a seal TOTP for {@code documents} documents (1-100), valid for minutes. */
    SealTotp issueTotp(String sealId, String channel, String activationCode, int documents);

    /** The seal TOTP spent on {@code signatures} documents: the seal's key opened for them, through this client only (a SAD). */
    SignHashUseCase.Authorization redeem(String sealId, String channel, String totp, int signatures);

    /** The owner a seal's signature authorizations are bound to (what signing-service names as the signer of sign-hashes). */
    static String owner(String sealId) {
        return "seal:" + sealId;
    }

    record CreateCommand(String unitName, String email, String adminNip) {
    }

    record SealView(SealSubscriber seal, Credential credential) {
    }

    record SealCertificate(String sealId, String unitName, String serialNumber, String status, List<String> certificateChainPem) {
    }

    /** {@code code} is set when answered (a refresh); a new code goes only to the unit's mailbox. */
    record Activation(String code, Instant expiresAt, boolean mailed) {
    }

    record SealTotp(String code, Instant expiresAt, int documents) {
    }
}
