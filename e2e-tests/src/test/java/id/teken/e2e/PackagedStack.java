package id.teken.e2e;

import id.teken.devstack.DevStack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five packaged services (target/quarkus-app/quarkus-run.jar) as processes on devstack's PostgreSQL, Kafka and
 * GreenMail, each on a free service port and a free management port, with fresh databases and secrets: what the
 * end-to-end tests drive through the gateway. Logs go to {@code work/logs/<service>.log}.
 */
final class PackagedStack {

    static final List<String> SERVICES = List.of("registration-service", "activation-service", "certificate-service",
            "signing-service", "api-gateway");
    static final String VERIFIER = "197812012005041003";
    static final String ADMIN = "198802292012052004";

    final Path root;
    final Path work;
    final DevStack stack;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    final Map<String, Map<String, String>> environments = new HashMap<>();
    final Map<String, Process> processes = new HashMap<>();
    final Map<String, String> databases = new HashMap<>();
    /** The internal tokens by call ("signing-to-certificate", "signing-to-registration", "gateway-to-signing"). */
    final Map<String, String> tokens = new HashMap<>();

    /** Starts every service (databases named {@code <prefix>_<service>}) and waits until each is ready. */
    static PackagedStack start(String prefix, Map<String, String> extraEnvironment) throws Exception {
        PackagedStack s = new PackagedStack(prefix, extraEnvironment);
        // Whatever ends the test JVM, the services it started end with it (they would otherwise outlive the build).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> s.processes.values().forEach(Process::destroyForcibly)));
        try {
            for (String service : SERVICES) {
                s.start(service);
            }
            for (String service : SERVICES) {
                s.awaitReady(service, Duration.ofSeconds(180));
            }
        } catch (Exception | AssertionError e) {
            // A stack that did not come up must not live on: its services would share the Kafka consumer groups of the
            // next test's stack (the broker is shared) and take its events.
            s.stop();
            throw e;
        }
        return s;
    }

    private PackagedStack(String prefix, Map<String, String> extraEnvironment) throws IOException {
        root = Path.of(System.getProperty("teken.root", "..")).toAbsolutePath().normalize();
        for (String s : SERVICES) {
            assertThat(root.resolve(s + "/target/quarkus-app/quarkus-run.jar")).as("packaged " + s).exists();
        }
        work = Files.createTempDirectory("teken-" + prefix + "-");
        Files.createDirectories(work.resolve("ca"));
        Files.createDirectories(work.resolve("logs"));
        stack = DevStack.shared();
        makeInternalCertificates();
        for (String s : SERVICES) {
            ports.put(s, freePort());
            managementPorts.put(s, freePort());
        }
        Map<String, String> common = new HashMap<>();
        common.put("TEKEN_BIND_HOST", "127.0.0.1");
        common.put("TEKEN_GATEWAY_HOST", "127.0.0.1");
        common.put("TEKEN_MANAGEMENT_HOST", "127.0.0.1");
        common.put("TEKEN_DB_USER", stack.databaseUser());
        common.put("TEKEN_DB_PASSWORD", stack.databasePassword());
        common.put("TEKEN_KAFKA_BOOTSTRAP", stack.kafkaBootstrapServers());
        common.put("TEKEN_SMTP_HOST", "127.0.0.1");
        common.put("TEKEN_SMTP_PORT", String.valueOf(stack.smtpPort()));
        common.put("TEKEN_SMTP_START_TLS", "DISABLED");
        common.put("TEKEN_PUBLIC_URL", gateway());
        common.put("TEKEN_JWT_PUBLIC_KEY", stack.jwtPublicKey().toString());
        // The services talk HTTPS only among themselves, with certificates of a CA made for this stack.
        common.put("TEKEN_INTERNAL_CA", work.resolve("tls/internal-ca.crt").toString());
        common.put("TEKEN_REGISTRATION_URL", url("registration-service"));
        common.put("TEKEN_ACTIVATION_URL", url("activation-service"));
        common.put("TEKEN_CERTIFICATE_URL", url("certificate-service"));
        common.put("TEKEN_SIGNING_URL", url("signing-service"));
        for (String s : SERVICES) {
            String name = s.equals("api-gateway") ? "GATEWAY" : s.replace("-service", "").toUpperCase();
            common.put("TEKEN_" + name + "_PORT", String.valueOf(ports.get(s)));
            common.put("TEKEN_" + name + "_MANAGEMENT_PORT", String.valueOf(managementPorts.get(s)));
        }
        common.put("TEKEN_LOG_JSON", "true");
        common.put("TEKEN_DIRECTORY_CSV", root.resolve("demo/pegawai-demo.csv").toString());
        common.put("TEKEN_CIVIL_REGISTRY_CSV", root.resolve("demo/dukcapil-demo.csv").toString());
        common.put("TEKEN_RATE_LIMIT_PER_IP", "0");
        common.put("TEKEN_RATE_LIMIT_PER_CLIENT", "0");
        common.putAll(extraEnvironment);
        // One token per internal call, held by its caller and its callee only.
        tokens.put("signing-to-certificate", random(32));
        tokens.put("signing-to-registration", random(32));
        tokens.put("gateway-to-signing", random(32));
        String assertionKey = random(32);
        common.put("TEKEN_MAIL_KEY", Base64.getEncoder().encodeToString(bytes(32)));
        for (String db : List.of("registration", "activation", "certificate", "signing")) {
            databases.put(db, stack.newDatabase(prefix + "_" + db));
        }
        env("registration-service", common, Map.of("TEKEN_REGISTRATION_DB_URL", databases.get("registration"),
                "TEKEN_JWT_PRIVATE_KEY", stack.jwtPrivateKey().toString(), "TEKEN_VERIFIERS", VERIFIER,
                "TEKEN_ADMINS", ADMIN, "TEKEN_SIGNING_TO_REGISTRATION_TOKEN", tokens.get("signing-to-registration")));
        env("activation-service", common, Map.of("TEKEN_ACTIVATION_DB_URL", databases.get("activation"),
                "TEKEN_SELFIE_KEY", Base64.getEncoder().encodeToString(bytes(32))));
        env("certificate-service", common, Map.of("TEKEN_CERTIFICATE_DB_URL", databases.get("certificate"),
                "TEKEN_CA_KEYSTORE", work.resolve("ca/teken-ca.p12").toString(), "TEKEN_CA_KEYSTORE_PASSWORD", random(24),
                "TEKEN_MASTER_KEY", Base64.getEncoder().encodeToString(bytes(32)),
                "TEKEN_SIGNING_TO_CERTIFICATE_TOKEN", tokens.get("signing-to-certificate")));
        env("signing-service", common, Map.of("TEKEN_SIGNING_DB_URL", databases.get("signing"),
                "TEKEN_SIGNING_TO_CERTIFICATE_TOKEN", tokens.get("signing-to-certificate"),
                "TEKEN_SIGNING_TO_REGISTRATION_TOKEN", tokens.get("signing-to-registration"),
                "TEKEN_GATEWAY_TO_SIGNING_TOKEN", tokens.get("gateway-to-signing"),
                "TEKEN_TSA_URL", url("certificate-service") + "/pki/tsa", "TEKEN_CLIENT_ASSERTION_KEY", assertionKey));
        env("api-gateway", common, Map.of("TEKEN_GATEWAY_TO_SIGNING_TOKEN", tokens.get("gateway-to-signing"),
                "TEKEN_CLIENT_ASSERTION_KEY", assertionKey));
    }

    String gateway() {
        return url("api-gateway");
    }

    /** The gateway over plain HTTP (its TLS is the gateway's and compose's tests); every service over HTTPS. */
    String url(String service) {
        return (service.equals("api-gateway") ? "http" : "https") + "://127.0.0.1:" + ports.get(service);
    }

    String management(String service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    Path log(String service) {
        return work.resolve("logs/" + service + ".log");
    }

    void start(String service) throws IOException {
        // The service's own JVM settings, as ./teken and the container images use them.
        ProcessBuilder pb = new ProcessBuilder("java", "@" + root.resolve(service + "/jvm.options"), "-jar",
                root.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString())
                .directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        pb.environment().putAll(environments.get(service));
        processes.put(service, pb.start());
    }

    void kill(String service) throws InterruptedException {
        Process p = processes.get(service);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive(String service) {
        return processes.get(service).isAlive();
    }

    void awaitReady(String service, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(management(service) + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(service).isAlive()) {
                throw new AssertionError(service + " exited; see " + log(service));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service + " not ready within " + timeout + "; see " + log(service));
    }

    void stop() {
        processes.values().forEach(p -> {
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void env(String service, Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new HashMap<>(common);
        if (!service.equals("api-gateway")) {
            String name = service.replace("-service", "").toUpperCase();
            all.put("TEKEN_TLS_CERT", work.resolve("tls/" + service + ".crt").toString());
            all.put("TEKEN_TLS_KEY", work.resolve("tls/" + service + ".key").toString());
            all.put("TEKEN_PLAIN_HTTP", "disabled");
            all.put("TEKEN_" + name + "_HTTPS_PORT", String.valueOf(ports.get(service)));
        }
        if (!service.equals("api-gateway")) {
            all.put("TEKEN_KAFKA_PASSWORD", stack.kafkaPassword(service));   // its own SCRAM user, production grants
        }
        all.putAll(own);
        environments.put(service, all);
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): a port the OS hands out for outgoing connections (Kafka,
     * JDBC and HTTP clients make many) could be taken between choosing it here and the service binding it.
     */
    static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int tries = 0; tries < 200; tries++) {
            int port = random.nextInt(20000, 32000);
            if (CHOSEN.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                CHOSEN.add(port);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** Ports already given to a service of some stack in this JVM. */
    private static final java.util.Set<Integer> CHOSEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static String random(int n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(n));
    }

    /** A CA for this stack and a certificate for 127.0.0.1 per service, made with openssl. */
    private void makeInternalCertificates() throws IOException {
        Path tls = Files.createDirectories(work.resolve("tls"));
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Teken e2e internal CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
                "-keyout", tls.resolve("internal-ca.key").toString(), "-out", tls.resolve("internal-ca.crt").toString());
        Files.writeString(tls.resolve("leaf.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        for (String s : SERVICES) {
            if (s.equals("api-gateway")) {
                continue;
            }
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + s, "-keyout", tls.resolve(s + ".key").toString(),
                    "-out", tls.resolve(s + ".csr").toString());
            openssl("x509", "-req", "-in", tls.resolve(s + ".csr").toString(), "-CA", tls.resolve("internal-ca.crt").toString(),
                    "-CAkey", tls.resolve("internal-ca.key").toString(), "-CAcreateserial", "-days", "2",
                    "-extfile", tls.resolve("leaf.ext").toString(), "-out", tls.resolve(s + ".crt").toString());
        }
    }

    private static void openssl(String... args) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", args) + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** An SSL context trusting this stack's internal CA (for tests that call a service directly). */
    javax.net.ssl.SSLContext internalTls() {
        try (java.io.InputStream in = Files.newInputStream(work.resolve("tls/internal-ca.crt"))) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("internal-ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
