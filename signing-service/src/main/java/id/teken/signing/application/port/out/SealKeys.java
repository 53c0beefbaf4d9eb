package id.teken.signing.application.port.out;

import java.time.Instant;

/**
 * certificate-service's seals (segel elektronik) over the internal API, for a system client ({@code channel}
 * client:&lt;username&gt;): the seal's certificate, the client's activation, seal TOTPs, and a TOTP's redemption into an
 * authorization that {@link SigningKeys#signAuthorized} signs with (owner {@link #owner}). SEAL_NOT_FOUND,
 * SEAL_NOT_ACTIVATED, TOTP_WRONG, TOTP_TOO_MANY, CERTIFICATE_NOT_ACTIVE, SIGNING_UNAVAILABLE DomainExceptions.
 */
public interface SealKeys {

    SealCertificate sealCertificate(String sealId);

    /** Without a code: a new activation code is mailed to the unit; with the current one: it is renewed and answered. */
    Activation activate(String sealId, String channel, String clientName, String code);

    void revokeActivation(String sealId, String channel, String code);

    Totp totp(String sealId, String channel, String activationCode, int documents);

    SigningKeys.Authorization redeem(String sealId, String channel, String totp, int signatures);

    /** Whom a seal's authorization belongs to, as sign-hashes names its signer. */
    static String owner(String sealId) {
        return "seal:" + sealId;
    }

    /** The seal's unit and certificate (for building the signature; never locked: a seal has no passphrase). */
    record SealCertificate(String sealId, String unitName, SigningKeys.SignerCertificate certificate) {
    }

    record Activation(String code, Instant expiresAt, boolean mailed) {
    }

    record Totp(String code, Instant expiresAt, int documents) {
    }
}
