package id.teken.certificate.adapter.out.custody;

import org.bouncycastle.crypto.digests.Blake2bDigest;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Argon2id version 1.3 (RFC 9106), written for this service's one use: the key that opens a subscriber's sealed key.
 * The same function as Bouncy Castle's Argon2BytesGenerator (the tests compare them, and the RFC's test vector), but
 * with the memory in one flat {@code long[]} that is reused from call to call (zeroed after each) and the compression
 * function written out over local variables: about twice as fast here, and the same speed every time (the generic
 * generator's speed depended on how the JIT happened to inline it), with no 19 MB of small objects per call for the
 * garbage collector. The lanes of a slice run in parallel (a slice's lanes only read earlier slices), on as many threads as
 * there are lanes and cores.
 */
final class Argon2id {

    private static final int BLOCK_LONGS = Argon2Compression.BLOCK_LONGS;
    private static final int SYNC_POINTS = 4;
    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;

    /** Spare memory areas, one per derivation that ran at the same time (bounded by the caller's semaphore). */
    private final ConcurrentLinkedQueue<long[]> spare = new ConcurrentLinkedQueue<>();

    /** The memory filling in C with AVX2 ({@link Argon2Native}) rather than the Java below; the same results. */
    private final boolean nativeFill;

    /** The native filling where it loaded on this machine, else the Java one. */
    Argon2id() {
        this(Argon2Native.AVAILABLE);
    }

    Argon2id(boolean nativeFill) {
        if (nativeFill && !Argon2Native.AVAILABLE) {
            throw new IllegalStateException("the native Argon2 filling is not available: " + Argon2Native.reason());
        }
        this.nativeFill = nativeFill;
    }

    /** Whether this instance fills the memory natively. */
    boolean nativeFill() {
        return nativeFill;
    }

    /**
     * The tag for the password and salt with m KiB of memory, t passes and p lanes (secret and associated data optional).
     */
    byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associated, int memoryKib, int passes, int lanes, int tagLength) {
        if (lanes < 1 || passes < 1 || memoryKib < 8 * lanes || tagLength < 4) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
        int segment = memoryKib / (SYNC_POINTS * lanes);
        int laneLength = segment * SYNC_POINTS;
        int blocks = laneLength * lanes;
        long[] memory = take(blocks * BLOCK_LONGS);
        try {
            byte[] h0 = initialHash(password, salt, secret, associated, memoryKib, passes, lanes, tagLength);
            byte[] seed = Arrays.copyOf(h0, 72);
            byte[] block = new byte[1024];
            for (int l = 0; l < lanes; l++) {
                for (int i = 0; i < 2; i++) {
                    putInt(seed, 64, i);
                    putInt(seed, 68, l);
                    variableHash(seed, block);
                    toLongs(block, memory, (l * laneLength + i) * BLOCK_LONGS);
                }
            }
            Arrays.fill(seed, (byte) 0);
            long[][] scratch = new long[lanes][BLOCK_LONGS];
            long[][] address = new long[lanes][BLOCK_LONGS];
            long[][] input = new long[lanes][BLOCK_LONGS];
            long[] zero = new long[BLOCK_LONGS];
            for (int pass = 0; pass < passes; pass++) {
                for (int slice = 0; slice < SYNC_POINTS; slice++) {
                    int p = pass;
                    int sl = slice;
                    // The lanes of one slice are independent: the other lanes run on the helpers while this thread does lane 0.
                    java.util.concurrent.Future<?>[] others = new java.util.concurrent.Future<?>[lanes];
                    for (int lane = 1; lane < lanes; lane++) {
                        int ln = lane;
                        Runnable segmentWork = () -> fillSegment(nativeFill, memory, p, ln, sl, lanes, laneLength, segment, blocks, passes,
                                scratch[ln], address[ln], input[ln], zero);
                        others[lane] = HELPERS == null ? null : HELPERS.submit(segmentWork);
                        if (others[lane] == null) {
                            segmentWork.run();
                        }
                    }
                    fillSegment(nativeFill, memory, pass, 0, slice, lanes, laneLength, segment, blocks, passes, scratch[0], address[0], input[0], zero);
                    for (int lane = 1; lane < lanes; lane++) {
                        await(others[lane]);
                    }
                }
            }
            for (long[] a : scratch) {
                Arrays.fill(a, 0);
            }
            // The final block: the lanes' last blocks XORed, then H' to the tag length.
            long[] last = new long[BLOCK_LONGS];
            System.arraycopy(memory, (laneLength - 1) * BLOCK_LONGS, last, 0, BLOCK_LONGS);
            for (int l = 1; l < lanes; l++) {
                int at = (l * laneLength + laneLength - 1) * BLOCK_LONGS;
                for (int k = 0; k < BLOCK_LONGS; k++) {
                    last[k] ^= memory[at + k];
                }
            }
            fromLongs(last, block);
            byte[] tag = new byte[tagLength];
            variableHash(block, tag);
            Arrays.fill(block, (byte) 0);
            Arrays.fill(last, 0);
            return tag;
        } finally {
            // Wiped before it is used again; off the caller's path where a helper is free to do it.
            int used = blocks * BLOCK_LONGS;
            Runnable wipe = () -> {
                Arrays.fill(memory, 0, used, 0L);
                spare.offer(memory);
            };
            if (HELPERS == null) {
                wipe.run();
            } else {
                HELPERS.execute(wipe);
            }
        }
    }

    /**
     * Threads that compute the other lanes of a slice (none on a one-core machine: the lanes then run one after the
     * other, with the same result). Shared by all derivations; a derivation waits for its own segments only.
     */
    private static final java.util.concurrent.ExecutorService HELPERS = Runtime.getRuntime().availableProcessors() < 2 ? null
            : java.util.concurrent.Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "teken-argon2-lane");
                t.setDaemon(true);
                return t;
            });

    private static void await(java.util.concurrent.Future<?> segment) {
        if (segment == null) {
            return;
        }
        try {
            segment.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deriving a key", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Argon2 lane failed", e.getCause());
        }
    }

    private long[] take(int longs) {
        long[] m = spare.poll();
        return m != null && m.length >= longs ? m : new long[longs];
    }

    private static void fillSegment(boolean nativeFill, long[] memory, int pass, int lane, int slice, int lanes, int laneLength, int segment,
                                    int blocks, int passes, long[] scratch, long[] address, long[] input, long[] zero) {
        if (nativeFill) {
            Argon2Native.fillSegment(memory, pass, lane, slice, lanes, laneLength, segment, blocks, passes);
            return;
        }
        boolean independent = pass == 0 && slice < SYNC_POINTS / 2;
        if (independent) {
            Arrays.fill(input, 0);
            input[0] = pass;
            input[1] = lane;
            input[2] = slice;
            input[3] = blocks;
            input[4] = passes;
            input[5] = TYPE_ID;
        }
        int start = 0;
        if (pass == 0 && slice == 0) {
            start = 2;
            if (independent) {
                nextAddresses(address, input, zero, scratch);
            }
        }
        int current = lane * laneLength + slice * segment + start;
        int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
        for (int i = start; i < segment; i++, current++, previous++) {
            if (current % laneLength == 1) {
                previous = current - 1;
            }
            long pseudoRandom;
            if (independent) {
                if (i % BLOCK_LONGS == 0) {
                    nextAddresses(address, input, zero, scratch);
                }
                pseudoRandom = address[i % BLOCK_LONGS];
            } else {
                pseudoRandom = memory[previous * BLOCK_LONGS];
            }
            int refLane = (int) ((pseudoRandom >>> 32) % lanes);
            if (pass == 0 && slice == 0) {
                refLane = lane;
            }
            boolean sameLane = refLane == lane;
            long area;
            if (pass == 0) {
                if (slice == 0) {
                    area = i - 1;
                } else if (sameLane) {
                    area = (long) slice * segment + i - 1;
                } else {
                    area = (long) slice * segment + (i == 0 ? -1 : 0);
                }
            } else {
                area = sameLane ? laneLength - segment + i - 1 : laneLength - segment + (i == 0 ? -1 : 0);
            }
            long relative = pseudoRandom & 0xFFFFFFFFL;
            relative = (relative * relative) >>> 32;
            relative = area - 1 - ((area * relative) >>> 32);
            long startPosition = pass == 0 ? 0 : slice == SYNC_POINTS - 1 ? 0 : (long) (slice + 1) * segment;
            int refIndex = (int) ((startPosition + relative) % laneLength);
            int ref = (refLane * laneLength + refIndex) * BLOCK_LONGS;
            Argon2Compression.compress(memory, previous * BLOCK_LONGS, memory, ref, memory, current * BLOCK_LONGS, pass > 0, scratch);
        }
    }

    private static void nextAddresses(long[] address, long[] input, long[] zero, long[] scratch) {
        input[6]++;
        Argon2Compression.compress(zero, 0, input, 0, address, 0, false, scratch);
        Argon2Compression.compress(zero, 0, address, 0, address, 0, false, scratch);
    }

    /** H0 (RFC 9106 3.2): BLAKE2b-512 over the parameters, the password, the salt, the secret and the associated data. */
    private static byte[] initialHash(byte[] password, byte[] salt, byte[] secret, byte[] associated, int m, int t, int p, int tagLength) {
        Blake2bDigest h = new Blake2bDigest(512);
        int[] head = {p, tagLength, m, t, VERSION, TYPE_ID};
        byte[] four = new byte[4];
        for (int v : head) {
            putInt(four, 0, v);
            h.update(four, 0, 4);
        }
        for (byte[] part : new byte[][] {password, salt, secret, associated}) {
            byte[] bytes = part == null ? new byte[0] : part;
            putInt(four, 0, bytes.length);
            h.update(four, 0, 4);
            h.update(bytes, 0, bytes.length);
        }
        byte[] out = new byte[64];
        h.doFinal(out, 0);
        return out;
    }

    /** H' (RFC 9106 3.3): BLAKE2b of any output length. */
    private static void variableHash(byte[] input, byte[] out) {
        byte[] length = new byte[4];
        putInt(length, 0, out.length);
        if (out.length <= 64) {
            Blake2bDigest h = new Blake2bDigest(out.length * 8);
            h.update(length, 0, 4);
            h.update(input, 0, input.length);
            h.doFinal(out, 0);
            return;
        }
        Blake2bDigest h = new Blake2bDigest(512);
        byte[] v = new byte[64];
        h.update(length, 0, 4);
        h.update(input, 0, input.length);
        h.doFinal(v, 0);
        System.arraycopy(v, 0, out, 0, 32);
        int at = 32;
        int r = (out.length + 31) / 32 - 2;
        for (int i = 2; i <= r; i++) {
            h.reset();
            h.update(v, 0, 64);
            h.doFinal(v, 0);
            System.arraycopy(v, 0, out, at, 32);
            at += 32;
        }
        Blake2bDigest tail = new Blake2bDigest((out.length - 32 * r) * 8);
        tail.update(v, 0, 64);
        byte[] last = new byte[out.length - 32 * r];
        tail.doFinal(last, 0);
        System.arraycopy(last, 0, out, at, last.length);
        Arrays.fill(v, (byte) 0);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static void toLongs(byte[] bytes, long[] into, int at) {
        for (int k = 0; k < BLOCK_LONGS; k++) {
            long v = 0;
            for (int b = 7; b >= 0; b--) {
                v = (v << 8) | (bytes[k * 8 + b] & 0xFF);
            }
            into[at + k] = v;
        }
    }

    private static void fromLongs(long[] longs, byte[] into) {
        for (int k = 0; k < BLOCK_LONGS; k++) {
            long v = longs[k];
            for (int b = 0; b < 8; b++) {
                into[k * 8 + b] = (byte) (v >>> (8 * b));
            }
        }
    }
}
