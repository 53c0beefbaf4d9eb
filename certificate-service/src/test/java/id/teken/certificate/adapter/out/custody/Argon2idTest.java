package id.teken.certificate.adapter.out.custody;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Argon2id gives RFC 9106's test vector and, on random inputs and shapes, exactly what Bouncy Castle's gives: both
 * its memory fillings, the Java one and the native one (AVX2, src/main/c), which must be built and loaded wherever the
 * build has a C compiler on Linux x86-64 with AVX2 (as on every machine this project builds on).
 */
class Argon2idTest {

    @Test
    void nativeFilling_isBuiltAndLoaded_whereTheBuildCanMakeIt() throws Exception {
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").equals("amd64");
        boolean compiler = new ProcessBuilder("sh", "-c", "command -v cc").start().waitFor() == 0;
        boolean avx2 = java.nio.file.Files.exists(java.nio.file.Path.of("/proc/cpuinfo"))
                && java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo")).contains(" avx2");
        org.junit.jupiter.api.Assumptions.assumeTrue(linuxX64 && compiler && avx2
                && !"off".equalsIgnoreCase(System.getenv().getOrDefault("TEKEN_ARGON2_NATIVE", "on")));
        assertThat(Argon2Native.AVAILABLE).as("native Argon2 filling: %s", Argon2Native.reason()).isTrue();
        assertThat(new Argon2id().nativeFill()).isTrue();
    }

    @Test
    void turnedOff_theJavaFillingRuns_withTheSameTag() throws Exception {
        // Also the argon2 reference tool's tag for these inputs (argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1).
        String expected = "fc77ad242e8b678967c202c1fb02524b66bd6c5bb62aae07c70356ce826adaa5";
        assertThat(inChildJvm("off")).contains("native=false variant=null reason=TEKEN_ARGON2_NATIVE=off tag=" + expected);
        if (Argon2Native.AVAILABLE) {
            // On an AVX-512 CPU the in-process tests run the AVX-512 compression; the AVX2 one is held to the same tag here.
            assertThat(inChildJvm("avx2")).contains("native=true variant=AVX2 reason=null tag=" + expected);
        }
        if (Argon2Native.AVAILABLE) {
            assertThat(HexFormat.of().formatHex(new Argon2id(true).derive("correct horse battery".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "somesaltsomesalt".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null, 19456, 2, 1, 32))).isEqualTo(expected);
        }
    }

    /** What Argon2FallbackMain prints in a JVM of its own with teken.argon2.native set to the setting. */
    private static String inChildJvm(String setting) throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dteken.argon2.native=" + setting, "-cp", System.getProperty("java.class.path"), Argon2FallbackMain.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void onAnAvx512Cpu_theAvx512CompressionIsTheOneInUse() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Argon2Native.AVAILABLE, "native filling not loaded here");
        boolean avx512 = cpuFlags().contains("avx512f");
        assertThat(Argon2Native.variant()).isEqualTo(avx512 ? "AVX-512" : "AVX2");
    }

    private static java.util.Set<String> cpuFlags() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("flags"))
                    .findFirst().map(l -> java.util.Set.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))).orElse(java.util.Set.of());
        } catch (java.io.IOException e) {
            return java.util.Set.of();
        }
    }

    private static Argon2id argon2(boolean nativeFill) {
        org.junit.jupiter.api.Assumptions.assumeTrue(!nativeFill || Argon2Native.AVAILABLE, "native filling not loaded here");
        return new Argon2id(nativeFill);
    }

    @ParameterizedTest(name = "native filling {0}")
    @ValueSource(booleans = {false, true})
    void rfc9106_argon2idTestVector(boolean nativeFill) {
        byte[] password = new byte[32];
        java.util.Arrays.fill(password, (byte) 0x01);
        byte[] salt = new byte[16];
        java.util.Arrays.fill(salt, (byte) 0x02);
        byte[] secret = new byte[8];
        java.util.Arrays.fill(secret, (byte) 0x03);
        byte[] associated = new byte[12];
        java.util.Arrays.fill(associated, (byte) 0x04);
        byte[] tag = argon2(nativeFill).derive(password, salt, secret, associated, 32, 3, 4, 32);
        assertThat(HexFormat.of().formatHex(tag)).isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @ParameterizedTest(name = "native filling {0}")
    @ValueSource(booleans = {false, true})
    void sameAsBouncyCastle_onRandomPasswordsSaltsAndShapes_reusingItsMemory(boolean nativeFill) {
        Argon2id ours = argon2(nativeFill);
        Random random = new Random(42);
        int[][] shapes = {{8, 1, 1}, {64, 1, 1}, {64, 2, 2}, {1024, 3, 1}, {2048, 2, 4}, {19456, 2, 1}, {19456, 2, 2}, {19456, 1, 1}, {100, 4, 3}};
        for (int[] shape : shapes) {
            for (int round = 0; round < 2; round++) {
                byte[] password = new byte[1 + random.nextInt(40)];
                random.nextBytes(password);
                byte[] salt = new byte[16];
                random.nextBytes(salt);
                Argon2BytesGenerator bc = new Argon2BytesGenerator();
                bc.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(shape[0]).withIterations(shape[1]).withParallelism(shape[2]).withSalt(salt).build());
                byte[] expected = new byte[32];
                bc.generateBytes(password, expected);
                assertThat(ours.derive(password, salt, null, null, shape[0], shape[1], shape[2], 32))
                        .as("m=%d t=%d p=%d", shape[0], shape[1], shape[2]).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "native filling {0}")
    @ValueSource(booleans = {false, true})
    void longTags_useTheVariableLengthHash(boolean nativeFill) {
        byte[] password = "Gunung#Wilis-4821".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] salt = new byte[16];
        for (int length : new int[] {4, 64, 65, 100, 128}) {
            Argon2BytesGenerator bc = new Argon2BytesGenerator();
            bc.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(64).withIterations(2).withParallelism(1).withSalt(salt).build());
            byte[] expected = new byte[length];
            bc.generateBytes(password, expected);
            assertThat(argon2(nativeFill).derive(password, salt, null, null, 64, 2, 1, length)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "native filling {0}")
    @ValueSource(booleans = {false, true})
    void parallelDerivations_withParallelLanes_eachGiveTheirOwnTag(boolean nativeFill) throws Exception {
        Argon2id ours = argon2(nativeFill);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<byte[]>> tags = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                byte[] password = ("sandi-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] salt = new byte[16];
                salt[0] = (byte) i;
                tags.add(pool.submit(() -> ours.derive(password, salt, null, null, 2048, 2, 2, 32)));
            }
            for (int i = 0; i < 12; i++) {
                byte[] salt = new byte[16];
                salt[0] = (byte) i;
                Argon2BytesGenerator bc = new Argon2BytesGenerator();
                bc.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(2048).withIterations(2).withParallelism(2).withSalt(salt).build());
                byte[] expected = new byte[32];
                bc.generateBytes(("sandi-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), expected);
                assertThat(tags.get(i).get()).as("derivation %d", i).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
