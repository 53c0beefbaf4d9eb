package id.teken.certificate.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh SoftHSM2 token for this test JVM: the configuration named by SOFTHSM2_CONF (set by the build, under target/)
 * and a token initialised with softhsm2-util, once, before the PKCS#11 module is first loaded (it reads its slots then).
 */
public final class SoftHsm {

    public static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    public static final String PIN = "teken-user-pin-4821";
    private static boolean ready;

    private SoftHsm() {
    }

    public static synchronized void token() throws IOException, InterruptedException {
        if (ready) {
            return;
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isBlank()) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set (the certificate-service build sets it for its tests)");
        }
        if (!Files.isReadable(Path.of(LIBRARY))) {
            throw new IllegalStateException("SoftHSM2 is missing: apt-get install softhsm2 (.ci/run installs it)");
        }
        Path tokens = Path.of(conf).getParent().resolve("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> old = Files.walk(tokens)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Process p = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "teken-ca-test",
                "--so-pin", "teken-so-pin-1937", "--pin", PIN).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("softhsm2-util --init-token failed: " + output);
        }
        ready = true;
    }
}
