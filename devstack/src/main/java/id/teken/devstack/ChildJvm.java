package id.teken.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Launches one of devstack's servers (Kafka, mail) in its own JVM with devstack's own class path, so the
 * server's libraries never mix with the code under test.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The class path a child JVM needs: this module's classes plus the jars recorded at build time. */
    public static String classPath() {
        try (InputStream in = ChildJvm.class.getResourceAsStream("/devstack.classpath")) {
            if (in == null) {
                throw new IllegalStateException("devstack.classpath missing: build the devstack module first");
            }
            String recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String self = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return self + File.pathSeparator + recorded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Process start(Class<?> main, List<String> args, Path logFile, String heap) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
