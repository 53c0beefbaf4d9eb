package id.teken.certificate.application.port.in;

import java.time.Instant;

/**
 * BSrE's sign TOTP, with the key still opened only by its owner's passphrase: a system client asks (the person gets a mail
 * with a code and a link), the person approves on the link's page with their passphrase (their key opens for that many
 * signatures, through that client only, for minutes), and the client signs with the code instead of the passphrase.
 */
public interface SigningApprovalUseCase {

    /** Mails the code and link; NO_CERTIFICATE / CERTIFICATE_NOT_ACTIVE / TOO_MANY_ATTEMPTS DomainExceptions. */
    Requested request(RequestCommand command);

    /** What the link's page shows; LINK_UNKNOWN / LINK_EXPIRED / LINK_USED. */
    View view(String token);

    /** The owner approves with the passphrase; PASSPHRASE_WRONG counts toward that client's lock. */
    View approve(String token, char[] passphrase);

    /**
     * The authorization the code stands for, for the client's sign-hashes; CODE_WRONG (counted; the request closes after a
     * few), APPROVAL_PENDING (not approved yet), AUTHORIZATION_INVALID (expired, used up, or lost in a restart).
     */
    SignHashUseCase.Authorization redeem(RedeemCommand command);

    /**
     * A client whose TOTP is a second factor: the mailed code (from a {@code withPassphrase} request of this signer and
     * client, for at least this many signatures) is spent, then the passphrase is checked as {@link SignHashUseCase#authorize}
     * does. CODE_WRONG (counted; five close the requests) before the passphrase is even looked at.
     */
    SignHashUseCase.Authorization authorizeWithCode(SignHashUseCase.AuthorizeCommand command, String code);

    /** {@code channel}: client:<username>; {@code clientName}: what the person reads in the mail. */
    record RequestCommand(String nip, String channel, String clientName, int signatures, boolean withPassphrase) {
        public RequestCommand(String nip, String channel, String clientName, int signatures) {
            this(nip, channel, clientName, signatures, false);
        }
    }

    record RedeemCommand(String nip, String channel, String code) {
    }

    record Requested(Instant expiresAt) {
    }

    /** status: MENUNGGU (waiting for approval), DISETUJUI (approved). */
    record View(String nama, String aplikasi, int jumlahDokumen, Instant berlakuSampai, String status) {
    }
}
