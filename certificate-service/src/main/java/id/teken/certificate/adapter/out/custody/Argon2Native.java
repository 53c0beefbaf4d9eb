package id.teken.certificate.adapter.out.custody;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The native path of {@link Argon2id}'s memory filling: {@code src/main/c/teken_argon2.c}, built by the Maven build
 * where a C compiler is present and packaged in this module's classes as {@code native/linux-x86_64/libteken-argon2.so}.
 * The same function, AVX2 vectors instead of Java's scalar words: about twice as fast on the passphrase check, which is
 * most of certificate-service's work per signature. Used when the library loads and the CPU has AVX2; otherwise (another
 * platform, no compiler at build time, {@code TEKEN_ARGON2_NATIVE=off}) the Java path runs, with the same results.
 */
final class Argon2Native {

    private static final Logger LOG = Logger.getLogger(Argon2Native.class);
    private static final String RESOURCE = "/native/linux-x86_64/libteken-argon2.so";

    /** Why the Java path runs (null when the native one is in use); set by load(), so declared before AVAILABLE. */
    private static String reason;

    /** The compression the native filling uses: 2 AVX-512F, 1 AVX2 (0 when it is not in use); set by load(). */
    private static int variant;

    /** True when the native filling is loaded and this CPU can run it. */
    static final boolean AVAILABLE = load();

    private Argon2Native() {
    }

    /** Fills one segment of the memory, as {@code Argon2id.fillSegment} does (same arguments, same result). */
    static void fillSegment(long[] memory, int pass, int lane, int slice, int lanes, int laneLength, int segment, int blocks,
                            int passes) {
        fillSegment(memory, pass, lane, slice, lanes, laneLength, segment, blocks, passes, variant);
    }

    private static native void fillSegment(long[] memory, int pass, int lane, int slice, int lanes, int laneLength, int segment,
                                           int blocks, int passes, int variant);

    /** 2 when this CPU has AVX-512F, 1 when it has AVX2, else 0. */
    private static native int best();

    /** "AVX-512" or "AVX2": what the native filling runs on (null when it is not in use). */
    static String variant() {
        return variant == 2 ? "AVX-512" : variant == 1 ? "AVX2" : null;
    }

    /** Why the Java path runs, for the start-up log and the tests; null when the native path is in use. */
    static String reason() {
        return reason;
    }

    private static boolean load() {
        String setting = System.getProperty("teken.argon2.native", System.getenv().getOrDefault("TEKEN_ARGON2_NATIVE", "on"));
        if ("off".equalsIgnoreCase(setting.trim())) {
            reason = "TEKEN_ARGON2_NATIVE=off";
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            reason = "no native filling for " + os + "/" + arch;
            return false;
        }
        try (InputStream in = Argon2Native.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                reason = "the native filling was not built (no C compiler at build time)";
                return false;
            }
            Path file = Files.createTempFile("teken-argon2-", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                // Linux keeps a loaded library mapped after its file is gone.
                Files.deleteIfExists(file);
            }
            int cpu = best();
            if (cpu == 0) {
                reason = "this CPU has no AVX2";
                return false;
            }
            // TEKEN_ARGON2_NATIVE=avx2 keeps to AVX2 on an AVX-512 CPU (to compare them, or where AVX-512 lowers the clock).
            variant = "avx2".equalsIgnoreCase(setting.trim()) ? 1 : cpu;
            LOG.infof("Argon2id: native %s memory filling in use", variant());
            return true;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            reason = "the native filling did not load: " + e.getMessage();
            LOG.warnf("Argon2id: the native filling did not load (%s); the Java path runs", e.getMessage());
            return false;
        }
    }
}
