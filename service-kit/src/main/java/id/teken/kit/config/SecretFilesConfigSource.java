package id.teken.kit.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Secrets from files, the way Docker and Kubernetes hand them out: every file named like one of Teken's variables
 * ({@code TEKEN_MASTER_KEY}, {@code TEKEN_INTERNAL_TOKEN}, ...) in the directory {@code TEKEN_SECRET_FILES} (default
 * {@code /run/secrets}) is the value of that variable, without its trailing line break. The services' settings refer
 * to the variables ({@code teken.ca.master-key=${TEKEN_MASTER_KEY}}), so a file stands in for the variable; a variable
 * in the environment still wins (ordinal 290, below the environment's 300). A value is never logged; an unreadable file
 * stops the service at start, naming the file.
 */
public class SecretFilesConfigSource implements ConfigSource {

    static final String DIRECTORY_VARIABLE = "TEKEN_SECRET_FILES";
    private static final Pattern NAME = Pattern.compile("TEKEN_[A-Z0-9_]{1,100}");
    private static final long MAX_BYTES = 64 * 1024;

    private final Map<String, String> values;

    public SecretFilesConfigSource() {
        this(Path.of(System.getenv().getOrDefault(DIRECTORY_VARIABLE, "/run/secrets")));
    }

    /** The directory the variable names (or /run/secrets), as the service finds it at start. */
    static Path directory() {
        return Path.of(System.getenv().getOrDefault(DIRECTORY_VARIABLE, "/run/secrets"));
    }

    SecretFilesConfigSource(Path directory) {
        this.values = read(directory);
    }

    private static Map<String, String> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
                    continue;
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw new IllegalStateException("secret file " + file + " is larger than 64 KB");
                }
                found.put(name, Files.readString(file, StandardCharsets.UTF_8).replaceAll("[\\r\\n]+$", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("secret files in " + directory + " cannot be read", e);
        }
        return Collections.unmodifiableMap(found);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "teken-secret-files";
    }

    @Override
    public int getOrdinal() {
        return 290;
    }
}
