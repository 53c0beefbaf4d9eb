package id.teken.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SCRAM users of a local broker: one password file per user ({@code <user>.password}, owner-only), made on first
 * use and kept, so a restarted broker and restarted services agree. The operator's credentials are remembered per
 * bootstrap address in this JVM, for the test tools ({@link TopicWriter}, {@link TopicReader}, {@link ConsumerProgress}).
 */
public final class KafkaUsers {

    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final Map<String, String> ADMIN_PASSWORDS = new ConcurrentHashMap<>();

    private KafkaUsers() {
    }

    /** The password of every user of {@link KafkaAccess#users()}, made where missing. */
    public static Map<String, String> ensure(Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String user : KafkaAccess.users()) {
                Path file = dir.resolve(user + ".password");
                if (!Files.exists(file)) {
                    byte[] random = new byte[24];
                    new SecureRandom().nextBytes(random);
                    Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system
                    }
                }
                passwords.put(user, Files.readString(file).strip());
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JAAS line a client logs in with (passwords here are base64url: nothing to escape). */
    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Client settings for SASL/SCRAM over plain TCP (the local broker listens on loopback only). */
    public static Properties client(String bootstrap, String user, String password) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", jaas(user, password));
        return p;
    }

    static void rememberAdmin(String bootstrap, String password) {
        ADMIN_PASSWORDS.put(bootstrap, password);
    }

    /** The operator's client settings for a broker this JVM started. */
    public static Properties admin(String bootstrap) {
        String password = ADMIN_PASSWORDS.get(bootstrap);
        if (password == null) {
            throw new IllegalStateException("no Kafka operator credentials known for " + bootstrap + " in this JVM");
        }
        return client(bootstrap, KafkaAccess.ADMIN, password);
    }
}
