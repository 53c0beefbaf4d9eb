package id.teken.certificate.adapter.out.custody;

/**
 * G, Argon2's compression function (RFC 9106 3.5-3.6), over blocks of 128 words in flat arrays. The row and the column
 * rounds are written out separately, each over local variables: one round shared through index arithmetic was measured
 * 5-8 % slower on the signing path, so the repetition is on purpose.
 */
final class Argon2Compression {

    static final int BLOCK_LONGS = 128;

    private Argon2Compression() {
    }

    /**
     * G: R = X xor Y; the permutation P on its eight rows, then on its eight columns; out = R xor P(R), also xor the old
     * out when {@code withXor} (passes after the first, version 1.3). {@code p} (128 words) holds P(R); out may be x or y.
     */
    static void compress(long[] xs, int x, long[] ys, int y, long[] outs, int out, boolean withXor, long[] p) {
        for (int k = 0; k < BLOCK_LONGS; k++) {
            p[k] = xs[x + k] ^ ys[y + k];
        }
        for (int i = 0; i < 8; i++) {
            rowRound(p, 16 * i);
        }
        for (int i = 0; i < 8; i++) {
            columnRound(p, 2 * i);
        }
        // R = X xor Y is read again rather than kept: out may be X or Y, but each word is read before it is written.
        if (withXor) {
            for (int k = 0; k < BLOCK_LONGS; k++) {
                outs[out + k] ^= xs[x + k] ^ ys[y + k] ^ p[k];
            }
        } else {
            for (int k = 0; k < BLOCK_LONGS; k++) {
                outs[out + k] = xs[x + k] ^ ys[y + k] ^ p[k];
            }
        }
    }

    /** BLAKE2b's round without message words, with BlaMka's multiplications (RFC 9106 3.6), on the row of 16 words at b. */
    private static void rowRound(long[] v, int b) {
        long v0 = v[b + 0];
        long v1 = v[b + 1];
        long v2 = v[b + 2];
        long v3 = v[b + 3];
        long v4 = v[b + 4];
        long v5 = v[b + 5];
        long v6 = v[b + 6];
        long v7 = v[b + 7];
        long v8 = v[b + 8];
        long v9 = v[b + 9];
        long v10 = v[b + 10];
        long v11 = v[b + 11];
        long v12 = v[b + 12];
        long v13 = v[b + 13];
        long v14 = v[b + 14];
        long v15 = v[b + 15];
        v0 = v0 + v4 + 2 * (v0 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
        v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 = v8 + v12 + 2 * (v8 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
        v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + v4 + 2 * (v0 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
        v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 = v8 + v12 + 2 * (v8 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
        v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + v5 + 2 * (v1 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
        v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 = v9 + v13 + 2 * (v9 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
        v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + v5 + 2 * (v1 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
        v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 = v9 + v13 + 2 * (v9 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
        v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + v6 + 2 * (v2 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
        v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 = v10 + v14 + 2 * (v10 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
        v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + v6 + 2 * (v2 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
        v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 = v10 + v14 + 2 * (v10 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
        v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + v7 + 2 * (v3 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
        v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 = v11 + v15 + 2 * (v11 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
        v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + v7 + 2 * (v3 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
        v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 = v11 + v15 + 2 * (v11 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
        v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + v5 + 2 * (v0 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
        v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 = v10 + v15 + 2 * (v10 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
        v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + v5 + 2 * (v0 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
        v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 = v10 + v15 + 2 * (v10 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
        v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + v6 + 2 * (v1 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
        v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 = v11 + v12 + 2 * (v11 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
        v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + v6 + 2 * (v1 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
        v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 = v11 + v12 + 2 * (v11 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
        v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + v7 + 2 * (v2 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
        v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 = v8 + v13 + 2 * (v8 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
        v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + v7 + 2 * (v2 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
        v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 = v8 + v13 + 2 * (v8 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
        v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + v4 + 2 * (v3 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
        v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 = v9 + v14 + 2 * (v9 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
        v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + v4 + 2 * (v3 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
        v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 = v9 + v14 + 2 * (v9 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
        v4 = Long.rotateRight(v4 ^ v9, 63);
        v[b + 0] = v0;
        v[b + 1] = v1;
        v[b + 2] = v2;
        v[b + 3] = v3;
        v[b + 4] = v4;
        v[b + 5] = v5;
        v[b + 6] = v6;
        v[b + 7] = v7;
        v[b + 8] = v8;
        v[b + 9] = v9;
        v[b + 10] = v10;
        v[b + 11] = v11;
        v[b + 12] = v12;
        v[b + 13] = v13;
        v[b + 14] = v14;
        v[b + 15] = v15;
    }

    /**
     * The same round on the column of 16 words starting at b (two words from each row). Written out a second time on
     * purpose: one shared round taking 16 positions was measured 5-8 % slower here (the passphrase check is on every
     * signature's critical path); Argon2idTest holds both to Bouncy Castle's result and the RFC vector.
     */
    private static void columnRound(long[] v, int b) {
        long v0 = v[b + 0];
        long v1 = v[b + 1];
        long v2 = v[b + 16];
        long v3 = v[b + 17];
        long v4 = v[b + 32];
        long v5 = v[b + 33];
        long v6 = v[b + 48];
        long v7 = v[b + 49];
        long v8 = v[b + 64];
        long v9 = v[b + 65];
        long v10 = v[b + 80];
        long v11 = v[b + 81];
        long v12 = v[b + 96];
        long v13 = v[b + 97];
        long v14 = v[b + 112];
        long v15 = v[b + 113];
        v0 = v0 + v4 + 2 * (v0 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
        v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 = v8 + v12 + 2 * (v8 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
        v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + v4 + 2 * (v0 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
        v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 = v8 + v12 + 2 * (v8 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
        v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + v5 + 2 * (v1 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
        v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 = v9 + v13 + 2 * (v9 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
        v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + v5 + 2 * (v1 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
        v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 = v9 + v13 + 2 * (v9 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
        v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + v6 + 2 * (v2 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
        v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 = v10 + v14 + 2 * (v10 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
        v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + v6 + 2 * (v2 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
        v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 = v10 + v14 + 2 * (v10 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
        v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + v7 + 2 * (v3 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
        v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 = v11 + v15 + 2 * (v11 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
        v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + v7 + 2 * (v3 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
        v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 = v11 + v15 + 2 * (v11 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
        v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + v5 + 2 * (v0 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
        v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 = v10 + v15 + 2 * (v10 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
        v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + v5 + 2 * (v0 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
        v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 = v10 + v15 + 2 * (v10 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
        v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + v6 + 2 * (v1 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
        v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 = v11 + v12 + 2 * (v11 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
        v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + v6 + 2 * (v1 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
        v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 = v11 + v12 + 2 * (v11 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
        v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + v7 + 2 * (v2 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
        v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 = v8 + v13 + 2 * (v8 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
        v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + v7 + 2 * (v2 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
        v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 = v8 + v13 + 2 * (v8 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
        v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + v4 + 2 * (v3 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
        v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 = v9 + v14 + 2 * (v9 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
        v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + v4 + 2 * (v3 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
        v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 = v9 + v14 + 2 * (v9 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
        v4 = Long.rotateRight(v4 ^ v9, 63);
        v[b + 0] = v0;
        v[b + 1] = v1;
        v[b + 16] = v2;
        v[b + 17] = v3;
        v[b + 32] = v4;
        v[b + 33] = v5;
        v[b + 48] = v6;
        v[b + 49] = v7;
        v[b + 64] = v8;
        v[b + 65] = v9;
        v[b + 80] = v10;
        v[b + 81] = v11;
        v[b + 96] = v12;
        v[b + 97] = v13;
        v[b + 112] = v14;
        v[b + 113] = v15;
    }
}
