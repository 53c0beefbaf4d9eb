package id.teken.signing.adapter.out.pades;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Puts the CMS into the /Contents DSS reserved (zeros between angle brackets) in the new revision's bytes, in place: the
 * byte range comes from the signature dictionary, and is only trusted when its two parts hash to the digest DSS computed
 * over that revision (so a "/ByteRange" inside some image or stream of the document can never be taken for ours).
 */
final class SignatureContents {

    private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_CANDIDATES = 64;

    private SignatureContents() {
    }

    static byte[] fill(byte[] revision, byte[] cms, byte[] documentDigest) {
        int from = revision.length;
        for (int tries = 0; tries < MAX_CANDIDATES; tries++) {
            int at = lastIndexOf(revision, BYTE_RANGE, from - 1);
            if (at < 0) {
                break;
            }
            long[] range = parseRange(revision, at + BYTE_RANGE.length);
            if (range != null && fits(revision, range, cms.length) && digestOf(revision, range, documentDigest)) {
                byte[] out = revision.clone();
                byte[] hex = HexFormat.of().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(hex, 0, out, (int) range[1] + 1, hex.length);
                return out;
            }
            from = at;
        }
        throw new IllegalArgumentException("no reserved signature contents in the prepared revision");
    }

    /** [0, a, b, c]: the placeholder "<00…00>" spans a..b-1, the rest of the file is covered, the CMS fits. */
    private static boolean fits(byte[] revision, long[] range, int cmsLength) {
        if (range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1 || range[2] + range[3] != revision.length) {
            return false;
        }
        int open = (int) range[1];
        int close = (int) range[2] - 1;
        if (revision[open] != '<' || revision[close] != '>' || 2L * cmsLength > close - open - 1) {
            return false;
        }
        for (int i = open + 1; i < close; i++) {
            if (revision[i] != '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean digestOf(byte[] revision, long[] range, byte[] expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(revision, 0, (int) range[1]);
            sha.update(revision, (int) range[2], (int) range[3]);
            return MessageDigest.isEqual(sha.digest(), expected);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "[ n n n n ]" after the key, or null. */
    private static long[] parseRange(byte[] b, int i) {
        int end = Math.min(b.length, i + 120);
        while (i < end && isSpace(b[i])) {
            i++;
        }
        if (i >= end || b[i] != '[') {
            return null;
        }
        i++;
        long[] out = new long[4];
        for (int n = 0; n < 4; n++) {
            while (i < end && isSpace(b[i])) {
                i++;
            }
            int start = i;
            long v = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9' && i - start < 12) {
                v = v * 10 + (b[i] - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            out[n] = v;
        }
        while (i < end && isSpace(b[i])) {
            i++;
        }
        return i < end && b[i] == ']' && Arrays.stream(out).allMatch(v -> v <= Integer.MAX_VALUE) ? out : null;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    private static int lastIndexOf(byte[] b, byte[] what, int before) {
        for (int i = Math.min(before, b.length - what.length); i >= 0; i--) {
            if (b[i] == what[0] && Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }
}
