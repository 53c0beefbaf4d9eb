package id.teken.certificate.application.port.in;

import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;

import java.util.List;
import java.util.Map;

/**
 * The internal sign-hash operation for signing-service (in the spirit of the CSC API): the owner's NIP, a
 * digest, its algorithm and the passphrase give a signature value and the certificate chain. The key never
 * leaves this service; a wrong passphrase is counted and locks the credential after the limit.
 */
public interface SignHashUseCase {

    /** One or more digests, one passphrase check (a single signature is a list of one). */
    SignedHashes signHashes(SignHashesCommand command);

    /**
     * Up to 100 digests of one algorithm for one signer. {@code channel} names who asks: {@code client:<username>} for a
     * system client (its wrong passphrases lock only that client's use), anything else for the owner's own use.
     * {@code timestamps}: a time-stamp token over each signature value comes back too (CAdES signature time stamps, B-T);
     * {@code ocsp}: the OCSP response for the signer's certificate, made after those tokens (B-LT validation data). Both
     * save signing-service a round trip each, and keep the order long-term validation needs (signature, time stamp,
     * then revocation status).
     */
    record SignHashesCommand(String nip, List<byte[]> digests, String digestAlgorithm, char[] passphrase, String channel,
                             boolean timestamps, boolean ocsp) {
        public SignHashesCommand(String nip, List<byte[]> digests, String digestAlgorithm, char[] passphrase, String channel) {
            this(nip, digests, digestAlgorithm, passphrase, channel, false, false);
        }

        public SignHashesCommand {
            if (digests == null || digests.isEmpty() || digests.size() > 100) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "digests: 1 to 100 items.");
            }
            checkDigests(nip, digests, digestAlgorithm);
            if (passphrase == null || passphrase.length == 0 || passphrase.length > 256) {
                throw new DomainException(ErrorCode.PASSPHRASE_WRONG, "Passphrase anda salah.");
            }
        }
    }

    /**
     * The signatures in the order of the digests; the time-stamp tokens over them (same order, empty unless asked) and the
     * signer certificate's OCSP response (null unless asked).
     */
    record SignedHashes(List<byte[]> signatures, String signatureAlgorithm, String serialNumber, List<String> certificateChainPem,
                        List<byte[]> timestampTokens, byte[] ocspResponse) {
    }

    /**
     * Checks the passphrase (counted and locked like sign-hash) and, when right, opens the key for {@code signatures}
     * signatures within a short time: the answer is a signature activation data (SAD), an opaque random handle that only
     * the same NIP and channel can use, once per signature, until it expires or the credential stops being active. This
     * lets signing-service check the passphrase while it prepares the document.
     */
    Authorization authorize(AuthorizeCommand command);

    /** Signs with an authorization; AUTHORIZATION_INVALID when it is unknown, used up, expired or someone else's. */
    SignedHashes signAuthorized(SignAuthorizedCommand command);

    /** Throws away an authorization not needed any more (the document failed); unknown ones are ignored. */
    void revoke(String sad);

    /** Drops expired authorizations and their opened keys (run every few seconds). */
    void expireAuthorizations();

    /**
     * {@code hashes}: empty = any digests, up to {@code signatures}; else exactly {@code signatures} digests of one known
     * length, and the SAD signs those only, each once. {@code lifetime}: null = the default.
     */
    record AuthorizeCommand(String nip, char[] passphrase, String channel, int signatures, List<byte[]> hashes,
                            java.time.Duration lifetime) {
        public AuthorizeCommand(String nip, char[] passphrase, String channel, int signatures) {
            this(nip, passphrase, channel, signatures, List.of(), null);
        }

        public AuthorizeCommand {
            if (nip == null || !nip.matches("[0-9]{18}")) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "nip must be 18 digits.");
            }
            if (signatures < 1 || signatures > 100) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "signatures: 1 to 100.");
            }
            hashes = hashes == null ? List.of() : List.copyOf(hashes);
            if (!hashes.isEmpty()) {
                if (hashes.size() != signatures) {
                    throw new DomainException(ErrorCode.MALFORMED_REQUEST, "hashes: as many as signatures.");
                }
                int length = hashes.get(0).length;
                if (!DIGEST_LENGTHS.containsValue(length) || hashes.stream().anyMatch(h -> h.length != length)) {
                    throw new DomainException(ErrorCode.MALFORMED_REQUEST, "hashes: SHA-256, SHA-384 or SHA-512 digests of one algorithm.");
                }
            }
            if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "lifetime must be positive.");
            }
            if (passphrase == null || passphrase.length == 0 || passphrase.length > 256) {
                throw new DomainException(ErrorCode.PASSPHRASE_WRONG, "Passphrase anda salah.");
            }
        }
    }

    /** The SAD and until when it may be used. */
    record Authorization(String sad, java.time.Instant expiresAt, String serialNumber) {
    }

    /** {@code boundOnly}: only a SAD bound to hashes will do (not one granted for a number of signatures). */
    record SignAuthorizedCommand(String nip, String sad, List<byte[]> digests, String digestAlgorithm, String channel,
                                 boolean timestamps, boolean ocsp, boolean boundOnly, boolean pss) {
        public SignAuthorizedCommand(String nip, String sad, List<byte[]> digests, String digestAlgorithm, String channel,
                                     boolean timestamps, boolean ocsp) {
            this(nip, sad, digests, digestAlgorithm, channel, timestamps, ocsp, false, false);
        }

        public SignAuthorizedCommand(String nip, String sad, List<byte[]> digests, String digestAlgorithm, String channel,
                                     boolean timestamps, boolean ocsp, boolean boundOnly) {
            this(nip, sad, digests, digestAlgorithm, channel, timestamps, ocsp, boundOnly, false);
        }

        public SignAuthorizedCommand {
            if (sad == null || sad.isBlank() || sad.length() > 100) {
                throw new DomainException(ErrorCode.AUTHORIZATION_INVALID, "Otorisasi tanda tangan tidak dikenal.");
            }
            if (digests == null || digests.isEmpty() || digests.size() > 100) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "digests: 1 to 100 items.");
            }
            // An authorization's owner: a person (NIP) or a seal (seal:<idSubscriber>, see SealUseCase.owner).
            if (nip == null || !nip.matches("[0-9]{18}|seal:SEGEL-[0-9A-Z]{16}")) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "nip must be 18 digits (or a seal's owner).");
            }
            checkDigests(digests, digestAlgorithm);
        }
    }

    /**
     * The owner's current certificate and chain (for building the signature before the hash is signed); no secret
     * needed. {@code locked} is about the channel (the owner's use, or one system client's).
     */
    SigningCertificate signingCertificate(String nip, String channel);

    /** Status in the nine-status vocabulary (ISSUE, SUSPEND, REVOKE, EXPIRED), locked flag, chain (leaf first, PEM). */
    record SigningCertificate(String serialNumber, String status, boolean locked, List<String> certificateChainPem) {
    }

    /** What to sign; the digest length must fit the algorithm. */
    /** The digest lengths per algorithm. */
    Map<String, Integer> DIGEST_LENGTHS = Map.of("SHA-256", 32, "SHA-384", 48, "SHA-512", 64);

    /** An 18-digit NIP, a known algorithm and every digest of its length. */
    static void checkDigests(String nip, List<byte[]> digests, String digestAlgorithm) {
        if (nip == null || !nip.matches("[0-9]{18}")) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "nip must be 18 digits.");
        }
        checkDigests(digests, digestAlgorithm);
    }

    /** A known algorithm and every digest of its length. */
    static void checkDigests(List<byte[]> digests, String digestAlgorithm) {
        if (digestAlgorithm == null || !DIGEST_LENGTHS.containsKey(digestAlgorithm)) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "digestAlgorithm must be SHA-256, SHA-384 or SHA-512.");
        }
        for (byte[] digest : digests) {
            if (digest == null || digest.length != DIGEST_LENGTHS.get(digestAlgorithm)) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "the digest does not have the length of " + digestAlgorithm + ".");
            }
        }
    }
}
