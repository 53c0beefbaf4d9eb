/*
 * Argon2id's memory filling (RFC 9106 3.4-3.6) for one segment, with AVX2: the native path of Argon2id.java.
 *
 * Java keeps everything else (H0, H', the first and the final blocks, the lanes' threads, the wipe); this file fills one
 * segment of the memory Java owns, exactly as Argon2id.fillSegment does (Argon2idTest holds both to the RFC's vector and
 * to each other). The compression G works on a block of 128 words as 32 vectors of 4: the row rounds take two rows at a
 * time (a row's 16 words are four vectors; the diagonal step rotates lanes), the column rounds two columns at a time
 * (a column's words are pairs in eight rows; the diagonal step blends and swaps pairs). BlaMka's 32 x 32 bit products
 * are exactly _mm256_mul_epu32. The functions that use AVX2 carry target attributes, so the library loads on any
 * x86-64 CPU and best() says which of them this one can run.
 *
 * Where the CPU has AVX-512F a second compression runs: a vector holds 8 words, so one G works on two rows (or two
 * columns) at once, the rotations are single instructions (vprorq), and the diagonal steps of the column rounds are
 * masked blends of a vector and its halves swapped. Argon2idTest holds both to the RFC's vector.
 */
#include <jni.h>
#include <stdint.h>
#include <string.h>
#include <immintrin.h>

#define BLOCK_LONGS 128
#define SYNC_POINTS 4
#define TYPE_ID 2
#define AVX2 __attribute__((target("avx2")))

AVX2 static inline __m256i blamka(__m256i x, __m256i y) {
    __m256i m = _mm256_mul_epu32(x, y);
    return _mm256_add_epi64(_mm256_add_epi64(x, y), _mm256_add_epi64(m, m));
}

AVX2 static inline __m256i ror32(__m256i x) { return _mm256_shuffle_epi32(x, _MM_SHUFFLE(2, 3, 0, 1)); }

AVX2 static inline __m256i ror24(__m256i x) {
    const __m256i r = _mm256_setr_epi8(3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10,
                                       3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10);
    return _mm256_shuffle_epi8(x, r);
}

AVX2 static inline __m256i ror16(__m256i x) {
    const __m256i r = _mm256_setr_epi8(2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9,
                                       2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9);
    return _mm256_shuffle_epi8(x, r);
}

AVX2 static inline __m256i ror63(__m256i x) { return _mm256_xor_si256(_mm256_srli_epi64(x, 63), _mm256_add_epi64(x, x)); }

/* BLAKE2b's G without message words, four at once. */
#define G(a, b, c, d)                                          \
    do {                                                       \
        a = blamka(a, b); d = ror32(_mm256_xor_si256(d, a));   \
        c = blamka(c, d); b = ror24(_mm256_xor_si256(b, c));   \
        a = blamka(a, b); d = ror16(_mm256_xor_si256(d, a));   \
        c = blamka(c, d); b = ror63(_mm256_xor_si256(b, c));   \
    } while (0)

#define LANES(v, i0, i1, i2, i3) _mm256_permute4x64_epi64(v, _MM_SHUFFLE(i3, i2, i1, i0))
#define SWAP_PAIRS(v) _mm256_shuffle_epi32(v, _MM_SHUFFLE(1, 0, 3, 2))
#define EVEN_FROM(x, y) _mm256_blend_epi32(x, y, 0x33) /* lanes 0 and 2 from y, 1 and 3 from x */
#define ODD_FROM(x, y) _mm256_blend_epi32(x, y, 0xCC)  /* lanes 1 and 3 from y, 0 and 2 from x */

/* Two rows of 16 words: state[8r .. 8r+7] are rows 2r and 2r+1, four vectors each. */
AVX2 static inline void row_pair(__m256i *s) {
    __m256i a0 = s[0], b0 = s[1], c0 = s[2], d0 = s[3], a1 = s[4], b1 = s[5], c1 = s[6], d1 = s[7];
    G(a0, b0, c0, d0);
    G(a1, b1, c1, d1);
    b0 = LANES(b0, 1, 2, 3, 0); c0 = LANES(c0, 2, 3, 0, 1); d0 = LANES(d0, 3, 0, 1, 2);
    b1 = LANES(b1, 1, 2, 3, 0); c1 = LANES(c1, 2, 3, 0, 1); d1 = LANES(d1, 3, 0, 1, 2);
    G(a0, b0, c0, d0);
    G(a1, b1, c1, d1);
    b0 = LANES(b0, 3, 0, 1, 2); c0 = LANES(c0, 2, 3, 0, 1); d0 = LANES(d0, 1, 2, 3, 0);
    b1 = LANES(b1, 3, 0, 1, 2); c1 = LANES(c1, 2, 3, 0, 1); d1 = LANES(d1, 1, 2, 3, 0);
    s[0] = a0; s[1] = b0; s[2] = c0; s[3] = d0; s[4] = a1; s[5] = b1; s[6] = c1; s[7] = d1;
}

/* Columns 2i and 2i+1: the vector i of each of the eight rows (state[i + 4k], k = 0..7). */
AVX2 static inline void column_pair(__m256i *s, int i) {
    __m256i a0 = s[i], a1 = s[i + 4], b0 = s[i + 8], b1 = s[i + 12];
    __m256i c0 = s[i + 16], c1 = s[i + 20], d0 = s[i + 24], d1 = s[i + 28], t0, t1;
    G(a0, b0, c0, d0);
    G(a1, b1, c1, d1);
    t0 = SWAP_PAIRS(EVEN_FROM(b0, b1)); t1 = SWAP_PAIRS(EVEN_FROM(b1, b0)); b0 = t0; b1 = t1;
    t0 = c0; c0 = c1; c1 = t0;
    t0 = SWAP_PAIRS(EVEN_FROM(d1, d0)); t1 = SWAP_PAIRS(EVEN_FROM(d0, d1)); d0 = t0; d1 = t1;
    G(a0, b0, c0, d0);
    G(a1, b1, c1, d1);
    t0 = SWAP_PAIRS(ODD_FROM(b0, b1)); t1 = SWAP_PAIRS(ODD_FROM(b1, b0)); b0 = t0; b1 = t1;
    t0 = c0; c0 = c1; c1 = t0;
    t0 = SWAP_PAIRS(EVEN_FROM(d0, d1)); t1 = SWAP_PAIRS(EVEN_FROM(d1, d0)); d0 = t0; d1 = t1;
    s[i] = a0; s[i + 4] = a1; s[i + 8] = b0; s[i + 12] = b1;
    s[i + 16] = c0; s[i + 20] = c1; s[i + 24] = d0; s[i + 28] = d1;
}

/* G: out = R xor P(R) (xor the old out when with_xor), R = x xor y. out may be x or y. */
AVX2 static void compress(const uint64_t *x, const uint64_t *y, uint64_t *out, int with_xor, __m256i *r, __m256i *s) {
    for (int k = 0; k < 32; k++) {
        r[k] = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *) (x + 4 * k)), _mm256_loadu_si256((const __m256i *) (y + 4 * k)));
        s[k] = r[k];
    }
    for (int k = 0; k < 4; k++) {
        row_pair(s + 8 * k);
    }
    for (int i = 0; i < 4; i++) {
        column_pair(s, i);
    }
    for (int k = 0; k < 32; k++) {
        __m256i v = _mm256_xor_si256(r[k], s[k]);
        if (with_xor) {
            v = _mm256_xor_si256(v, _mm256_loadu_si256((const __m256i *) (out + 4 * k)));
        }
        _mm256_storeu_si256((__m256i *) (out + 4 * k), v);
    }
}

/* The AVX2 compression behind the signature both variants share; the scratch (2 KB) holds R and the state. */
AVX2 static void compress_avx2(const uint64_t *x, const uint64_t *y, uint64_t *out, int with_xor, void *scratch) {
    __m256i *r = (__m256i *) scratch;
    compress(x, y, out, with_xor, r, r + 32);
}

#define AVX512 __attribute__((target("avx512f")))

AVX512 static inline __m512i blamka512(__m512i x, __m512i y) {
    __m512i m = _mm512_mul_epu32(x, y);
    return _mm512_add_epi64(_mm512_add_epi64(x, y), _mm512_add_epi64(m, m));
}

#define G512(a, b, c, d)                                                              \
    do {                                                                              \
        a = blamka512(a, b); d = _mm512_ror_epi64(_mm512_xor_si512(d, a), 32);        \
        c = blamka512(c, d); b = _mm512_ror_epi64(_mm512_xor_si512(b, c), 24);        \
        a = blamka512(a, b); d = _mm512_ror_epi64(_mm512_xor_si512(d, a), 16);        \
        c = blamka512(c, d); b = _mm512_ror_epi64(_mm512_xor_si512(b, c), 63);        \
    } while (0)

/* Each 256-bit half permuted as _mm256_permute4x64_epi64 would. */
#define LANES512(v, i0, i1, i2, i3) _mm512_permutex_epi64(v, _MM_SHUFFLE(i3, i2, i1, i0))
#define HALVES_SWAPPED(v) _mm512_shuffle_i64x2(v, v, _MM_SHUFFLE(1, 0, 3, 2))
#define SWAP_PAIRS512(v) _mm512_shuffle_epi32(v, _MM_PERM_BADC)

/*
 * The state as 128 words (32 quarter-rows of 4, as in the AVX2 code). Rows 2r and 2r+1 are words 32r..32r+31: vectors
 * a = [q0 | q4], b = [q1 | q5], c = [q2 | q6], d = [q3 | q7] of quarters q = 8r.., so one G512 is the AVX2 row pair's
 * two Gs.
 */
AVX512 static inline void row_pair512(uint64_t *w) {
    __m512i z0 = _mm512_loadu_si512(w), z1 = _mm512_loadu_si512(w + 8), z2 = _mm512_loadu_si512(w + 16), z3 = _mm512_loadu_si512(w + 24);
    __m512i a = _mm512_shuffle_i64x2(z0, z2, _MM_SHUFFLE(1, 0, 1, 0)), b = _mm512_shuffle_i64x2(z0, z2, _MM_SHUFFLE(3, 2, 3, 2));
    __m512i c = _mm512_shuffle_i64x2(z1, z3, _MM_SHUFFLE(1, 0, 1, 0)), d = _mm512_shuffle_i64x2(z1, z3, _MM_SHUFFLE(3, 2, 3, 2));
    G512(a, b, c, d);
    b = LANES512(b, 1, 2, 3, 0); c = LANES512(c, 2, 3, 0, 1); d = LANES512(d, 3, 0, 1, 2);
    G512(a, b, c, d);
    b = LANES512(b, 3, 0, 1, 2); c = LANES512(c, 2, 3, 0, 1); d = LANES512(d, 1, 2, 3, 0);
    _mm512_storeu_si512(w, _mm512_shuffle_i64x2(a, b, _MM_SHUFFLE(1, 0, 1, 0)));
    _mm512_storeu_si512(w + 16, _mm512_shuffle_i64x2(a, b, _MM_SHUFFLE(3, 2, 3, 2)));
    _mm512_storeu_si512(w + 8, _mm512_shuffle_i64x2(c, d, _MM_SHUFFLE(1, 0, 1, 0)));
    _mm512_storeu_si512(w + 24, _mm512_shuffle_i64x2(c, d, _MM_SHUFFLE(3, 2, 3, 2)));
}

AVX512 static inline __m512i pair_of_quarters(const uint64_t *w, int lo, int hi) {
    return _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_loadu_si256((const __m256i *) (w + 4 * lo))),
                              _mm256_loadu_si256((const __m256i *) (w + 4 * hi)), 1);
}

AVX512 static inline void store_quarters(uint64_t *w, int lo, int hi, __m512i v) {
    _mm256_storeu_si256((__m256i *) (w + 4 * lo), _mm512_castsi512_si256(v));
    _mm256_storeu_si256((__m256i *) (w + 4 * hi), _mm512_extracti64x4_epi64(v, 1));
}

/* Columns 2i and 2i+1 (the AVX2 column pair): a = [q_i | q_i+4], b = [q_i+8 | q_i+12], c = [.. 16 | 20], d = [.. 24 | 28]. */
AVX512 static inline void column_pair512(uint64_t *w, int i) {
    __m512i a = pair_of_quarters(w, i, i + 4), b = pair_of_quarters(w, i + 8, i + 12);
    __m512i c = pair_of_quarters(w, i + 16, i + 20), d = pair_of_quarters(w, i + 24, i + 28);
    G512(a, b, c, d);
    /* The AVX2 steps with x0 | x1 in one vector: its 64-bit lanes 0 and 2 (or 1 and 3) of each half from the halves swapped. */
    b = SWAP_PAIRS512(_mm512_mask_blend_epi64(0x55, b, HALVES_SWAPPED(b)));
    c = HALVES_SWAPPED(c);
    d = SWAP_PAIRS512(_mm512_mask_blend_epi64(0xAA, d, HALVES_SWAPPED(d)));
    G512(a, b, c, d);
    b = SWAP_PAIRS512(_mm512_mask_blend_epi64(0xAA, b, HALVES_SWAPPED(b)));
    c = HALVES_SWAPPED(c);
    d = SWAP_PAIRS512(_mm512_mask_blend_epi64(0x55, d, HALVES_SWAPPED(d)));
    store_quarters(w, i, i + 4, a); store_quarters(w, i + 8, i + 12, b);
    store_quarters(w, i + 16, i + 20, c); store_quarters(w, i + 24, i + 28, d);
}

/* G with AVX-512: out = R xor P(R) (xor the old out when with_xor), R = x xor y; scratch holds R and the state. */
AVX512 static void compress_avx512(const uint64_t *x, const uint64_t *y, uint64_t *out, int with_xor, void *scratch) {
    uint64_t *r = (uint64_t *) scratch, *w = r + BLOCK_LONGS;
    for (int k = 0; k < 16; k++) {
        __m512i v = _mm512_xor_si512(_mm512_loadu_si512(x + 8 * k), _mm512_loadu_si512(y + 8 * k));
        _mm512_storeu_si512(r + 8 * k, v);
        _mm512_storeu_si512(w + 8 * k, v);
    }
    for (int k = 0; k < 4; k++) {
        row_pair512(w + 32 * k);
    }
    for (int i = 0; i < 4; i++) {
        column_pair512(w, i);
    }
    for (int k = 0; k < 16; k++) {
        __m512i v = _mm512_xor_si512(_mm512_loadu_si512(r + 8 * k), _mm512_loadu_si512(w + 8 * k));
        if (with_xor) {
            v = _mm512_xor_si512(v, _mm512_loadu_si512(out + 8 * k));
        }
        _mm512_storeu_si512(out + 8 * k, v);
    }
}

typedef void (*compress_fn)(const uint64_t *x, const uint64_t *y, uint64_t *out, int with_xor, void *scratch);

static void next_addresses(compress_fn g, uint64_t *address, uint64_t *input, const uint64_t *zero, void *scratch) {
    input[6]++;
    g(zero, input, address, 0, scratch);
    g(zero, address, address, 0, scratch);
}

static void fill_segment(compress_fn g, uint64_t *memory, uint32_t pass, uint32_t lane, uint32_t slice, uint32_t lanes,
                         uint32_t lane_length, uint32_t segment, uint32_t blocks, uint32_t passes) {
    uint64_t scratch[2 * BLOCK_LONGS] __attribute__((aligned(64)));
    uint64_t address[BLOCK_LONGS], input[BLOCK_LONGS], zero[BLOCK_LONGS];
    int independent = pass == 0 && slice < SYNC_POINTS / 2;
    memset(zero, 0, sizeof zero);
    if (independent) {
        memset(input, 0, sizeof input);
        input[0] = pass; input[1] = lane; input[2] = slice; input[3] = blocks; input[4] = passes; input[5] = TYPE_ID;
    }
    uint32_t start = 0;
    if (pass == 0 && slice == 0) {
        start = 2;
        if (independent) {
            next_addresses(g, address, input, zero, scratch);
        }
    }
    uint64_t current = (uint64_t) lane * lane_length + (uint64_t) slice * segment + start;
    uint64_t previous = current % lane_length == 0 ? current + lane_length - 1 : current - 1;
    for (uint32_t i = start; i < segment; i++, current++, previous++) {
        if (current % lane_length == 1) {
            previous = current - 1;
        }
        uint64_t pseudo_random;
        if (independent) {
            if (i % BLOCK_LONGS == 0) {
                next_addresses(g, address, input, zero, scratch);
            }
            pseudo_random = address[i % BLOCK_LONGS];
        } else {
            pseudo_random = memory[previous * BLOCK_LONGS];
        }
        uint32_t ref_lane = (uint32_t) ((pseudo_random >> 32) % lanes);
        if (pass == 0 && slice == 0) {
            ref_lane = lane;
        }
        int same_lane = ref_lane == lane;
        uint64_t area;
        if (pass == 0) {
            if (slice == 0) {
                area = i - 1;
            } else if (same_lane) {
                area = (uint64_t) slice * segment + i - 1;
            } else {
                area = (uint64_t) slice * segment + (i == 0 ? -1 : 0);
            }
        } else {
            area = same_lane ? (uint64_t) lane_length - segment + i - 1 : (uint64_t) lane_length - segment + (i == 0 ? -1 : 0);
        }
        uint64_t relative = pseudo_random & 0xFFFFFFFFULL;
        relative = (relative * relative) >> 32;
        relative = area - 1 - ((area * relative) >> 32);
        uint64_t start_position = pass == 0 ? 0 : slice == SYNC_POINTS - 1 ? 0 : (uint64_t) (slice + 1) * segment;
        uint64_t ref_index = (start_position + relative) % lane_length;
        uint64_t ref = ((uint64_t) ref_lane * lane_length + ref_index) * BLOCK_LONGS;
        g(memory + previous * BLOCK_LONGS, memory + ref, memory + current * BLOCK_LONGS, pass > 0, scratch);
    }
    /* The state was derived from the passphrase: not left on the stack. */
    volatile unsigned char *wipe = (volatile unsigned char *) scratch;
    for (size_t k = 0; k < sizeof scratch; k++) wipe[k] = 0;
    wipe = (volatile unsigned char *) address;
    for (size_t k = 0; k < sizeof address; k++) wipe[k] = 0;
}

/* The best variant this CPU runs: 2 AVX-512F, 1 AVX2, 0 neither. */
JNIEXPORT jint JNICALL Java_id_teken_certificate_adapter_out_custody_Argon2Native_best(JNIEnv *env, jclass c) {
    (void) env; (void) c;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? 2 : __builtin_cpu_supports("avx2") ? 1 : 0;
}

JNIEXPORT void JNICALL Java_id_teken_certificate_adapter_out_custody_Argon2Native_fillSegment(
        JNIEnv *env, jclass c, jlongArray memory, jint pass, jint lane, jint slice, jint lanes, jint laneLength,
        jint segment, jint blocks, jint passes, jint variant) {
    (void) c;
    if ((*env)->GetArrayLength(env, memory) < (jsize) ((int64_t) blocks * BLOCK_LONGS)) {
        jclass e = (*env)->FindClass(env, "java/lang/IllegalArgumentException");
        if (e != NULL) {
            (*env)->ThrowNew(env, e, "Argon2 memory smaller than its blocks");
        }
        return;
    }
    uint64_t *m = (uint64_t *) (*env)->GetPrimitiveArrayCritical(env, memory, NULL);
    if (m == NULL) {
        return; /* an OutOfMemoryError is pending */
    }
    fill_segment(variant == 2 ? compress_avx512 : compress_avx2, m, (uint32_t) pass, (uint32_t) lane, (uint32_t) slice, (uint32_t) lanes, (uint32_t) laneLength,
                 (uint32_t) segment, (uint32_t) blocks, (uint32_t) passes);
    (*env)->ReleasePrimitiveArrayCritical(env, memory, m, 0);
}
