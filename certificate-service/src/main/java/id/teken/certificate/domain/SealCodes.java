package id.teken.certificate.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The codes of seals: an activation code (8 digits, mailed to the unit, the credential a system client keeps) and seal
 * codes (6 digits, handed to the client for a number of documents within minutes). Only their hashes are kept, bound to
 * the seal and the client's channel; compared in constant time.
 */
public final class SealCodes {

    /** Wrong codes (activation or seal) after which the client's activation is closed and a new one must be mailed. */
    public static final int MAX_WRONG_CODES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealCodes() {
    }

    public static String newActivationCode() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    public static String newSealCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public static boolean isActivationCode(String code) {
        return code != null && code.trim().matches("[0-9]{8}");
    }

    public static boolean isSealCode(String code) {
        return code != null && code.trim().matches("[0-9]{6}");
    }

    public static String hash(String kind, String sealId, String channel, String code) {
        return SigningApproval.hash(kind + ":" + sealId + ":" + channel + ":" + code.trim());
    }

    public static boolean same(String hashA, String hashB) {
        return MessageDigest.isEqual(hashA.getBytes(StandardCharsets.US_ASCII), hashB.getBytes(StandardCharsets.US_ASCII));
    }
}
