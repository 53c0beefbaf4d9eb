package id.teken.signing.application.port.out;

import java.util.concurrent.CompletableFuture;

import java.util.List;

/**
 * certificate-service's key custody, reached over the internal API: the signer's chain, and sign-hash. {@code channel}
 * names who asks ({@code client:<username>} for a system client, whose wrong passphrases lock only its own use; else the
 * owner's own use).
 */
public interface SigningKeys {

    /** Throws NOT_REGISTERED / SIGNING_UNAVAILABLE DomainExceptions; {@code locked} is about the channel. */
    SignerCertificate signerCertificate(String nip, String channel);

    /** {@link #signerCertificate} without waiting: the answer (or its DomainException) comes in the future. */
    CompletableFuture<SignerCertificate> signerCertificateAsync(String nip, String channel);

    /**
     * Starts the passphrase check (certificate-service opens the key for {@code signatures} signatures for a few
     * seconds) and returns at once: the document can be prepared meanwhile. The future fails with the DomainExceptions
     * of {@link #signDigests}. The passphrase is copied into the request before this returns.
     */
    CompletableFuture<Authorization> authorize(String nip, char[] passphrase, String channel, int signatures);

    /**
     * {@link #authorize(String, char[], String, int)} living {@code lifetime} (certificate-service caps it), and bound to
     * these digests (each signable once; as many as {@code signatures}) unless {@code hashes} is empty.
     */
    CompletableFuture<Authorization> authorize(String nip, char[] passphrase, String channel, int signatures, List<byte[]> hashes,
                                               java.time.Duration lifetime);

    /**
     * {@link #authorize(String, char[], String, int)} for a client whose sign TOTP is a second factor: certificate-service
     * spends the mailed {@code code} first (TOTP_WRONG when it is not this signer's and client's, or too few documents), then
     * checks the passphrase.
     */
    default CompletableFuture<Authorization> authorizeWithCode(String nip, char[] passphrase, String channel, int signatures, String code) {
        throw new UnsupportedOperationException("second-factor codes are not offered by this key custody");
    }

    /** {@link #requestApproval(String, String, String, int)}; with {@code withPassphrase} the code is a second factor (no link). */
    default java.time.Instant requestApproval(String nip, String channel, String clientName, int signatures, boolean withPassphrase) {
        if (withPassphrase) {
            throw new UnsupportedOperationException("second-factor codes are not offered by this key custody");
        }
        return requestApproval(nip, channel, clientName, signatures);
    }

    /**
     * Signs with an authorization (like {@link #signDigests}); AUTHORIZATION_INVALID when it expired or is unknown (the
     * caller then checks the passphrase with the signature instead), and with {@code boundOnly} when it is not bound to
     * hashes (granted for a number of signatures).
     */
    Signatures signAuthorized(String nip, String sad, List<byte[]> digests, String digestAlgorithm, String channel,
                              boolean timestamps, boolean ocsp, boolean boundOnly);

    /** {@link #signAuthorized} with RSASSA-PSS ({@code pss}) instead of PKCS#1 v1.5 where the custody offers it. */
    default Signatures signAuthorized(String nip, String sad, List<byte[]> digests, String digestAlgorithm, String channel,
                                      boolean timestamps, boolean ocsp, boolean boundOnly, boolean pss) {
        if (pss) {
            throw new id.teken.signing.domain.DomainException(id.teken.signing.domain.ErrorCode.MALFORMED_REQUEST,
                    "RSASSA-PSS is not offered by this key custody.");
        }
        return signAuthorized(nip, sad, digests, digestAlgorithm, channel, timestamps, ocsp, boundOnly);
    }

    /**
     * Asks the signer to approve signatures through this system client (BSrE's sign TOTP): certificate-service mails a code
     * and a link where they approve with their passphrase. Until when the request holds. NOT_REGISTERED,
     * CERTIFICATE_NOT_ACTIVE, TOTP_TOO_MANY DomainExceptions.
     */
    java.time.Instant requestApproval(String nip, String channel, String clientName, int signatures);

    /**
     * The authorization an approved code stands for (on the client's channel); TOTP_WRONG, TOTP_NOT_APPROVED,
     * AUTHORIZATION_INVALID DomainExceptions.
     */
    Authorization redeemApproval(String nip, String channel, String code);

    /** Throws away an authorization that will not be used (best effort). */
    void revoke(String sad);

    /** A signature activation data, the certificate it is for, and until when it holds (null when not told). */
    record Authorization(String sad, String serialNumber, java.time.Instant expiresAt) {
        public Authorization(String sad, String serialNumber) {
            this(sad, serialNumber, null);
        }
    }

    /**
     * Signs the digests with one passphrase check (certificate-service unwraps the key once). With {@code timestamps} a
     * time-stamp token over each signature value comes back, with {@code ocsp} the signer certificate's OCSP response
     * (made after the tokens): a B-LT signature in one round trip. Throws PASSPHRASE_WRONG, CREDENTIAL_LOCKED,
     * CREDENTIAL_BUSY, CERTIFICATE_NOT_ACTIVE, SIGNING_UNAVAILABLE DomainExceptions.
     */
    Signatures signDigests(String nip, List<byte[]> digests, String digestAlgorithm, char[] passphrase, String channel,
                           boolean timestamps, boolean ocsp);

    /**
     * The signature values in the order of the digests; the time-stamp tokens over them (same order; empty when not asked
     * or when certificate-service does not make them) and the signer's OCSP response (null likewise).
     */
    record Signatures(List<byte[]> values, List<byte[]> timestampTokens, byte[] ocspResponse) {
        public Signatures {
            values = List.copyOf(values);
            timestampTokens = List.copyOf(timestampTokens);
        }

        /** The token over the i-th value, or null. */
        public byte[] timestampToken(int i) {
            return i < timestampTokens.size() ? timestampTokens.get(i) : null;
        }
    }

    /** The signer's certificate state and chain (DER, leaf first). */
    record SignerCertificate(String serialNumber, String subjectCommonName, id.teken.signing.domain.CertificateStatus status, boolean locked, List<byte[]> chainDer) {
    }
}
