package id.teken.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The containers for real: compose/teken-compose.sh builds the images (FROM eclipse-temurin:17-jre, postgres:15,
 * apache/kafka:4.3.1, greenmail/standalone:2.1.13), starts docker-compose.yml, runs demo/demo.sh against the published
 * gateway port and tears everything down. Runs where a container runtime is at hand: a Docker engine, or root with
 * ../shared/tools/containers (podman and registry-free stand-ins for the base images); skipped elsewhere, and with
 * -Dteken.compose.skip=true.
 */
class ComposeStackTest {

    @Test
    void theJourneyPasses_againstTheComposeStack() throws Exception {
        Path root = Path.of(System.getProperty("teken.root", "..")).toAbsolutePath().normalize();
        Assumptions.assumeFalse(Boolean.getBoolean("teken.compose.skip"), "skipped with -Dteken.compose.skip=true");
        boolean docker = run("docker", "info") == 0;
        boolean podmanTools = "root".equals(System.getProperty("user.name")) && (Files.isExecutable(root.resolve("../shared/tools/containers/compose.sh"))
                || Files.isExecutable(Path.of("/work/shared/tools/containers/compose.sh")));
        Assumptions.assumeTrue(docker || podmanTools, "no container runtime here (Docker engine, or root with ../shared/tools/containers)");

        Path log = Files.createTempFile("teken-compose-", ".log");
        Process p = new ProcessBuilder("bash", root.resolve("compose/teken-compose.sh").toString(), "demo")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(20, TimeUnit.MINUTES);
        String output = Files.readString(log);
        System.out.println(output);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("compose demo finished in 20 minutes").isTrue();
        // The end of the output says what failed (the whole of it went to stdout above and stays in the log file).
        List<String> lines = output.lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 120), lines.size()));
        assertThat(p.exitValue()).as("compose demo exit code; full output in " + log + "; its last 120 lines:\n" + tail).isZero();
        assertThat(output).contains("DEMO PASSED").contains("compose demo finished with exit 0")
                .as("each service's database role opens its own database only")
                .contains("database roles: registration opens its own database (no superuser) and not certificate's: ok")
                .as("Kafka refuses a cross-service write and a stranger")
                .contains("kafka ACLs: activation cannot write teken.certificate.*, a stranger cannot log in, activation writes its dead letters: ok")
                .as("the CA signs inside the PKCS#11 token, the root offline")
                .contains("CA: issuing, OCSP, TSA and master keys in the PKCS#11 token (SoftHSM2), no key-store file, root offline: ok")
                .as("the gateway serves HTTPS only").contains("gateway: HTTPS only (plain HTTP refused): ok")
                .as("the services answer HTTPS only among themselves")
                .contains("inside: HTTPS only between the services (plain HTTP refused): ok");
    }

    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
