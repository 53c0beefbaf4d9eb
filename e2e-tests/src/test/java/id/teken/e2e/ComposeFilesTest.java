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
    private static final List<String> REQUIRED = List.of("TEKEN_SMTP_HOST", "TEKEN_DIRECTORY_FILE", "TEKEN_VERIFIERS", "TEKEN_ADMINS",
            "TEKEN_TLS_CERT_FILE", "TEKEN_TLS_KEY_FILE", "TEKEN_KAFKA_ACTIVATION_PASSWORD", "TEKEN_KAFKA_ADMIN_PASSWORD");

    record Result(int exit, String output) {
    }

    @BeforeAll
    static void composeIsHere() {
        Assumptions.assumeTrue(run(Map.of(), "--version").exit() == 0, "docker-compose is not installed (.ci/run installs it)");
    }

    private static Map<String, String> secrets() {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("TEKEN_DB_PASSWORD", "TEKEN_SIGNING_TO_CERTIFICATE_TOKEN",
                "TEKEN_SIGNING_TO_REGISTRATION_TOKEN", "TEKEN_GATEWAY_TO_SIGNING_TOKEN", "TEKEN_CA_KEYSTORE_PASSWORD", "TEKEN_MASTER_KEY",
                "TEKEN_SELFIE_KEY", "TEKEN_MAIL_KEY", "TEKEN_CLIENT_ASSERTION_KEY", "TEKEN_REGISTRATION_DB_PASSWORD",
                "TEKEN_ACTIVATION_DB_PASSWORD", "TEKEN_CERTIFICATE_DB_PASSWORD", "TEKEN_SIGNING_DB_PASSWORD",
                "TEKEN_KAFKA_BROKER_PASSWORD", "TEKEN_KAFKA_ADMIN_PASSWORD", "TEKEN_KAFKA_REGISTRATION_PASSWORD",
                "TEKEN_KAFKA_ACTIVATION_PASSWORD", "TEKEN_KAFKA_CERTIFICATE_PASSWORD", "TEKEN_KAFKA_SIGNING_PASSWORD")) {
            env.put(name, "test-value");
        }
        env.put("TEKEN_SECRETS_DIR", "/tmp/teken-compose-files-test");
        env.put("TEKEN_TLS_CERT_FILE", "/tmp/teken-compose-files-test/tls.crt");
        env.put("TEKEN_INTERNAL_TLS_DIR", "/tmp/teken-compose-files-test/internal-tls");
        env.put("TEKEN_TLS_KEY_FILE", "/tmp/teken-compose-files-test/tls.key");
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
            assertThat(services.get(service + "-service")).as(service + " logs in to Kafka as its own user")
                    .contains("TEKEN_KAFKA_PASSWORD:");
            assertThat(services.get(service + "-service")).as(service + " answers HTTPS only inside")
                    .contains("TEKEN_PLAIN_HTTP: disabled").contains("/run/secrets/tls.key");
        }
        assertThat(services.get("api-gateway")).as("HTTPS only").contains("TEKEN_GATEWAY_PLAIN_HTTP: disabled")
                .contains("target: 8443").doesNotContain("target: 8080").contains("/run/secrets/tls.key");
        assertThat(services.get("api-gateway")).as("the gateway holds only its own internal token")
                .contains("TEKEN_GATEWAY_TO_SIGNING_TOKEN").doesNotContain("TEKEN_SIGNING_TO_CERTIFICATE_TOKEN");
        assertThat(services.get("registration-service")).contains("TEKEN_SIGNING_TO_REGISTRATION_TOKEN")
                .doesNotContain("TEKEN_SIGNING_TO_CERTIFICATE_TOKEN").doesNotContain("TEKEN_GATEWAY_TO_SIGNING_TOKEN");
        assertThat(services.get("activation-service")).doesNotContain("_TOKEN:");
        assertThat(config.output()).doesNotContain("TEKEN_INTERNAL_TOKEN").doesNotContain("_URL: http://");
        assertThat(config.output()).as("the services believe X-Forwarded-For from the gateway only")
                .doesNotContain("0.0.0.0/0").contains("TEKEN_TRUSTED_PROXIES: 10.89.40.80/32");
        assertThat(services.get("api-gateway")).contains("ipv4_address: 10.89.40.80");
        assertThat(services.get("kafka")).as("Kafka through its secured entrypoint").contains("run-secured.sh")
                .doesNotContain("PLAINTEXT://");
    }

    /** compose/kafka/run-secured.sh grants in the containers what devstack's KafkaAccess grants in the tests. */
    @Test
    void theContainersKafkaGrants_areTheSameAsTheTestedOnes() throws IOException {
        String script = java.nio.file.Files.readString(ROOT.resolve("compose/kafka/run-secured.sh"));
        Matcher grant = Pattern.compile("(?m)^  \"([a-z-]+)\\|\\$\\(t ([^)]*)\\)\\|\\$\\(t ([^)]*)\\)\"$").matcher(script);
        Map<String, List<List<String>>> grants = new HashMap<>();
        while (grant.find()) {
            grants.put(grant.group(1), List.of(List.of(grant.group(2).trim().split(" +")), List.of(grant.group(3).trim().split(" +"))));
        }
        assertThat(grants.keySet()).containsExactlyInAnyOrderElementsOf(
                id.teken.devstack.KafkaAccess.SERVICES.stream().map(id.teken.devstack.KafkaAccess.Grant::user).toList());
        for (var g : id.teken.devstack.KafkaAccess.SERVICES) {
            assertThat(grants.get(g.user()).get(0)).as(g.user() + " writes")
                    .containsExactlyInAnyOrderElementsOf(g.writes().stream().map(id.teken.events.Topic::eventType).toList());
            assertThat(grants.get(g.user()).get(1)).as(g.user() + " reads")
                    .containsExactlyInAnyOrderElementsOf(g.reads().stream().map(id.teken.events.Topic::eventType).toList());
        }
        assertThat(script).contains("allow.everyone.if.no.acl.found=false").contains("CONTROLLER://127.0.0.1:9093");
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
