package id.teken.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: points the service under test at the JVM's {@link DevStack} (real PostgreSQL
 * with a fresh database, Kafka, GreenMail) and at the test JWT keys. Init arg {@code database}: the
 * database name prefix (default: the service's name).
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "teken";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        DevStack stack = DevStack.shared();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", stack.newDatabase(database));
        config.put("quarkus.datasource.username", stack.databaseUser());
        config.put("quarkus.datasource.password", stack.databasePassword());
        config.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        String kafkaUser = database + "-service";
        if (KafkaAccess.SERVICES.stream().anyMatch(g -> g.user().equals(kafkaUser))) {
            // The service's own SCRAM user, with exactly the production grant.
            config.put("kafka.sasl.jaas.config", stack.kafkaJaas(kafkaUser));
        }
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(stack.smtpPort()));
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("teken.devstack.mail-api", stack.mailApiUrl());
        config.put("mp.jwt.verify.publickey.location", stack.jwtPublicKey().toString());
        config.put("smallrye.jwt.sign.key.location", stack.jwtPrivateKey().toString());
        config.putAll(testSecrets(database));
        return config;
    }

    @Override
    public void stop() {
        // The stack lives for the whole test JVM and stops with it.
    }

    /**
     * The secrets a service's tests run with. They live here, in test support, and never in a main application.properties
     * (where {@code QUARKUS_PROFILE=test} would make them live in a deployment). signing-service's tests take theirs from
     * the stand-in of the services it calls.
     */
    static Map<String, String> testSecrets(String database) {
        String internalToken = "test-internal-token";
        String mailKey = "dGVrZW4tdGVzdC1tYWlsLWtleS0zMi1ieXRlcyEhISE=";
        return switch (database == null ? "" : database) {
            case "registration" -> Map.of("teken.internal.token", internalToken, "teken.mail.outbox-key", mailKey);
            case "activation" -> Map.of("teken.mail.outbox-key", mailKey,
                    "teken.selfie.encryption-key", "dGVrZW4tdGVzdC1zZWxmaWUta2V5LTMyLWJ5dGVzISE=");
            case "certificate" -> Map.of("teken.internal.token", internalToken, "teken.mail.outbox-key", mailKey,
                    "teken.ca.keystore.password", "test-only-ca-secret",
                    "teken.ca.master-key", "dGVrZW4tdGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzISE=");
            default -> Map.of();
        };
    }
}
