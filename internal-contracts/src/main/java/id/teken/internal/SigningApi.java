package id.teken.internal;

import java.util.List;

/**
 * certificate-service's internal signing API, which signing-service calls with the service token. One form for one
 * signature or a batch: a signature is a list of one digest.
 */
public final class SigningApi {

    /** GET, with the signer's NIP appended and {@code ?channel=}. */
    public static final String SIGNING_CERTIFICATES = "/internal/v1/signing-certificates/";
    /** POST {@link SignHashesRequest} -> {@link SignHashesResponse}. */
    public static final String SIGN_HASHES = "/internal/v1/sign-hashes";
    /** POST {@link AuthorizeRequest} -> {@link AuthorizeResponse}; DELETE with the SAD appended. */
    public static final String AUTHORIZATIONS = "/internal/v1/authorizations";
    /** POST {@link ApprovalRequest} -> {@link ApprovalResponse}: mails the signer a code and a link to approve with the passphrase. */
    public static final String APPROVALS = "/internal/v1/signing-approvals";
    /** POST {@link RedeemRequest} -> {@link AuthorizeResponse}: the SAD an approved code stands for. */
    public static final String APPROVAL_REDEEM = "/internal/v1/signing-approvals/redeem";

    private SigningApi() {
    }

    /** The signer's certificate for building a signature: serial, status, whether the channel is locked, the chain (PEM, leaf first). */
    public record SigningCertificateResponse(String serialNumber, String status, boolean locked, List<String> certificateChain) {
    }

    /**
     * Digests (1-100, base64) of one algorithm for one signer, with the passphrase or a SAD from an authorization;
     * {@code timestamps} asks for a time-stamp token over each signature value, {@code ocsp} for the signer certificate's
     * OCSP response (made after the tokens). {@code channel}: {@code client:<username>} for a system client, else the owner.
     * {@code boundOnly} with a SAD: only a SAD bound to hashes will do (the CSC API's signHash at SCAL 2), not one for a
     * number of signatures. {@code signatureScheme} with a SAD: PKCS1 (RSA PKCS#1 v1.5, the default) or PSS (RSASSA-PSS,
     * MGF1 with the same hash, salt as long as the hash).
     */
    public record SignHashesRequest(String nip, List<String> digests, String digestAlgorithm, String passphrase, String channel,
                                    Boolean timestamps, Boolean ocsp, String sad, Boolean boundOnly, String signatureScheme) {
        public SignHashesRequest(String nip, List<String> digests, String digestAlgorithm, String passphrase, String channel,
                                 Boolean timestamps, Boolean ocsp, String sad) {
            this(nip, digests, digestAlgorithm, passphrase, channel, timestamps, ocsp, sad, null, null);
        }

        public SignHashesRequest(String nip, List<String> digests, String digestAlgorithm, String passphrase, String channel,
                                 Boolean timestamps, Boolean ocsp, String sad, Boolean boundOnly) {
            this(nip, digests, digestAlgorithm, passphrase, channel, timestamps, ocsp, sad, boundOnly, null);
        }
    }

    /** The signatures in the digests' order, the chain, and the tokens (same order) and OCSP response when asked. */
    public record SignHashesResponse(List<String> signatures, String signatureAlgorithm, String serialNumber,
                                     List<String> certificateChain, List<String> timestampTokens, String ocspResponse) {
    }

    /**
     * Checks the passphrase and opens the key for {@code signatures} signatures in a short time (a SAD). With {@code hashes}
     * (base64, as many as {@code signatures}) the SAD signs those digests only, each once (the CSC API's
     * credentials/authorize); {@code lifetimeSeconds} asks for a longer life than the default (at most the service's maximum).
     * {@code code}: the mailed sign TOTP of a client whose TOTP is a second factor ({@link ApprovalRequest#withPassphrase}):
     * checked and spent before the passphrase.
     */
    public record AuthorizeRequest(String nip, String passphrase, String channel, Integer signatures, List<String> hashes,
                                   Integer lifetimeSeconds, String code) {
        public AuthorizeRequest(String nip, String passphrase, String channel, Integer signatures) {
            this(nip, passphrase, channel, signatures, null, null, null);
        }

        public AuthorizeRequest(String nip, String passphrase, String channel, Integer signatures, List<String> hashes,
                                Integer lifetimeSeconds) {
            this(nip, passphrase, channel, signatures, hashes, lifetimeSeconds, null);
        }
    }

    /**
     * A system client's request for the signer's approval (BSrE's sign TOTP): {@code channel} client:<username>. With
     * {@code withPassphrase} the mailed code is a second factor the client sends together with the passphrase (no approval
     * link), else it stands in for the passphrase once the signer approved with it.
     */
    public record ApprovalRequest(String nip, String channel, String clientName, Integer signatures, Boolean withPassphrase) {
        public ApprovalRequest(String nip, String channel, String clientName, Integer signatures) {
            this(nip, channel, clientName, signatures, null);
        }
    }

    /** Until when the request (and the code mailed with it) holds. */
    public record ApprovalResponse(String expiresAt) {
    }

    /** The code the signer gave the client, for the SAD their approval opened. */
    public record RedeemRequest(String nip, String channel, String code) {
    }

    /** The signature activation data, until when it may be used, and the certificate it is for. */
    public record AuthorizeResponse(String sad, String expiresAt, String serialNumber) {
    }
}
