package id.teken.registration.adapter.out.crypto;

import id.teken.registration.application.port.out.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import id.teken.registration.config.RegistrationConfig;

/**
 * Argon2id (Bouncy Castle) at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), stored in the PHC
 * string format so that the parameters can be raised later without breaking stored hashes. Each hash holds 19 MiB
 * while it runs, so at most {@code teken.accounts.hashing.max-concurrent} run at once (default: what half the heap
 * holds, at most twice the cores); a caller waits up to 2 s for a turn and is then told to come back (429 SERVICE_BUSY with
 * Retry-After: a login burst is a rate to slow down, not a server failure), never left to an OutOfMemoryError.
 */
@ApplicationScoped
public class Argon2PasswordHasher implements PasswordHasher {

    private static final long TURN_WAIT_MILLIS = 2000;

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Semaphore turns;

    public Argon2PasswordHasher() {
        this(0);
    }

    @jakarta.inject.Inject
    public Argon2PasswordHasher(RegistrationConfig config) {
        this(config.accounts().hashing().maxConcurrent());
    }

    public Argon2PasswordHasher(int maxConcurrent) {
        this.turns = new Semaphore(maxConcurrent > 0 ? maxConcurrent : defaultConcurrency(), true);
    }

    /** What half the heap holds at 19 MiB (plus slack) per hash, at least 1, at most twice the cores. */
    static int defaultConcurrency() {
        long perHash = (MEMORY_KIB + 4 * 1024) * 1024L;
        long fits = Runtime.getRuntime().maxMemory() / 2 / perHash;
        return (int) Math.max(1, Math.min(fits, 2L * Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean matches(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                String[] pair = kv.split("=");
                switch (pair[0]) {
                    case "m" -> m = Integer.parseInt(pair[1]);
                    case "t" -> t = Integer.parseInt(pair[1]);
                    case "p" -> p = Integer.parseInt(pair[1]);
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        boolean turn;
        try {
            turn = turns.tryAcquire(TURN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new Busy();
        }
        try {
            return compute(password, salt, memoryKib, iterations, parallelism, length);
        } finally {
            turns.release();
        }
    }

    private static byte[] compute(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).build());
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        byte[] out = new byte[length];
        generator.generateBytes(bytes, out);
        Arrays.fill(bytes, (byte) 0);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }
}
