package id.teken.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose files as docker-compose resolves them (no container engine needed): the default stack is the production
 * one (only the gateway published, no mail server, no demo data) and refuses to start without the Pemkab's SMTP relay,
 * employee export and operators, naming the variable; the demo adds the test mail server on top.
 */
class ComposeFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("teken.root", "..")).toAbsolutePath().normalize();
    /** What the operator must name, and the word compose's refusal contains. */
    private static final List<String> REQUIRED = List.of("TEKEN_SMTP_HOST", "TEKEN_DIRECTORY_FILE", "TEKEN_VERIFIERS", "TEKEN_ADMINS");

    record Result(int exit, String output) {
    }

    @BeforeAll
    static void composeIsHere() {
        Assumptions.assumeTrue(run(Map.of(), "--version").exit() == 0, "docker-compose is not installed (.ci/run installs it)");
    }

    private static Map<String, String> secrets() {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("TEKEN_DB_PASSWORD", "TEKEN_INTERNAL_TOKEN", "TEKEN_CA_KEYSTORE_PASSWORD", "TEKEN_MASTER_KEY",
                "TEKEN_SELFIE_KEY", "TEKEN_MAIL_KEY", "TEKEN_CLIENT_ASSERTION_KEY", "TEKEN_REGISTRATION_DB_PASSWORD",
                "TEKEN_ACTIVATION_DB_PASSWORD", "TEKEN_CERTIFICATE_DB_PASSWORD", "TEKEN_SIGNING_DB_PASSWORD")) {
            env.put(name, "test-value");
        }
        env.put("TEKEN_SECRETS_DIR", "/tmp/teken-compose-files-test");
        return env;
    }

    private static Map<String, String> production() {
        Map<String, String> env = secrets();
        env.put("TEKEN_SMTP_HOST", "smtp.ponorogo.go.id");
        env.put("TEKEN_DIRECTORY_FILE", "/srv/teken/pegawai.csv");
        env.put("TEKEN_VERIFIERS", "197812012005041003");
        env.put("TEKEN_ADMINS", "198802292012052004");
        return env;
    }

    static Result run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--project-directory", ROOT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("TEKEN_"));
        builder.environment().putAll(env);
        try {
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1, out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }

    /** Service name -> its block in the resolved configuration. */
    private static Map<String, String> services(String config) {
        Map<String, String> blocks = new HashMap<>();
        String body = config.substring(config.indexOf("\nservices:\n") + 11);
        int end = body.indexOf("\nvolumes:\n");
        body = end >= 0 ? body.substring(0, end) : body;
        Matcher m = Pattern.compile("(?m)^  ([a-z-]+):\\n").matcher(body);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            blocks.put(names.get(i), body.substring(starts.get(i)[1], i + 1 < names.size() ? starts.get(i + 1)[0] : body.length()));
        }
        return blocks;
    }

    @Test
    void theDefaultStack_publishesOnlyTheGateway_andHasNoMailServer() {
        Result config = run(production(), "-f", "docker-compose.yml", "config");
        assertThat(config.exit()).as(config.output()).isZero();
        Map<String, String> services = services(config.output());
        assertThat(services).containsOnlyKeys("postgres", "kafka", "registration-service", "activation-service",
                "certificate-service", "signing-service", "api-gateway");
        services.forEach((name, block) -> assertThat(block.contains("\n    ports:") || block.startsWith("    ports:"))
                .as(name + " publishes a port").isEqualTo(name.equals("api-gateway")));
        assertThat(config.output()).doesNotContain("pegawai-demo").doesNotContain("greenmail")
                .contains("TEKEN_SMTP_START_TLS: REQUIRED").doesNotContain("TEKEN_SMTP_START_TLS: DISABLED");
        for (String service : List.of("registration", "activation", "certificate", "signing")) {
            assertThat(services.get(service + "-service")).as(service + " connects as its own database role")
                    .contains("TEKEN_DB_USER: " + service).contains("/" + service + "\n");
        }
    }

    @Test
    void theDefaultStack_refusesToStart_withoutEachOfTheOperatorsSettings_andNamesIt() {
        for (String missing : REQUIRED) {
            Map<String, String> env = production();
            env.remove(missing);
            Result config = run(env, "-f", "docker-compose.yml", "config", "-q");
            assertThat(config.exit()).as(missing + ": " + config.output()).isNotZero();
            assertThat(config.output()).as(missing).contains("set " + missing);
        }
    }

    @Test
    void theDemo_addsTheTestMailServer_andTheServicesWaitForIt() {
        Map<String, String> env = secrets();
        env.put("TEKEN_SMTP_HOST", "mail");
        env.put("TEKEN_DIRECTORY_FILE", "./demo/pegawai-demo.csv");
        env.put("TEKEN_VERIFIERS", "197812012005041003");
        env.put("TEKEN_ADMINS", "198802292012052004");
        Result config = run(env, "-f", "docker-compose.yml", "-f", "compose/docker-compose.demo.yml", "config");
        assertThat(config.exit()).as(config.output()).isZero();
        Map<String, String> services = services(config.output());
        assertThat(services.get("mail")).contains("greenmail/standalone").contains("ports:");
        for (String mailing : List.of("registration-service", "activation-service", "certificate-service")) {
            assertThat(services.get(mailing)).as(mailing).contains("mail:");
        }
    }
}
