package id.teken.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A private PostgreSQL cluster made with the machine's own binaries (initdb, pg_ctl), trust
 * authentication on 127.0.0.1 only, superuser {@code teken}. As root the binaries run as the
 * {@code postgres} user (initdb refuses root). Or, when TEKEN_DB_URL names a server, that server.
 */
public final class PostgresCluster {

    public static final String SUPERUSER = "teken";

    private final Path dataDir;
    private final int port;

    public PostgresCluster(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The directory holding the PostgreSQL binaries, or an explanation of how to install them. */
    public static Path binaries() {
        String override = System.getenv("TEKEN_PG_BIN");
        List<Path> candidates = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            candidates.add(Path.of(override));
        }
        for (String version : List.of("17", "16", "15", "14", "13")) {
            candidates.add(Path.of("/usr/lib/postgresql", version, "bin"));
        }
        candidates.add(Path.of("/usr/bin"));
        for (Path dir : candidates) {
            if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
                return dir;
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found. Install them with "
                + "'apt-get install postgresql' (Debian/Ubuntu), set TEKEN_PG_BIN to their directory, or set "
                + "TEKEN_DB_URL to an existing server (e.g. postgresql://postgres@127.0.0.1:5432).");
    }

    public boolean initialized() {
        return Files.exists(dataDir.resolve("PG_VERSION"));
    }

    public void initIfNeeded() {
        if (initialized()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            handToPostgresUser(dataDir);
            run(List.of(binaries().resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                    "--auth=trust", "-E", "UTF8", "--locale=C", "--no-instructions"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void start() {
        initIfNeeded();
        if (running()) {
            return;
        }
        Path log = dataDir.resolve("server.log");
        run(List.of(binaries().resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
                        + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start"));
    }

    public boolean running() {
        return Files.exists(dataDir.resolve("postmaster.pid")) && Ports.inUse(port);
    }

    public void stop() {
        if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
            return;
        }
        run(List.of(binaries().resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }

    /** Creates the database unless it exists. */
    public static void createDatabase(String adminJdbcUrl, String user, String password, String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, props); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void handToPostgresUser(Path dir) {
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            run(List.of("chmod", "700", dir.toString()), false);
        }
    }

    private static void run(List<String> command) {
        run(command, isRoot());
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", command).toLowerCase(Locale.ROOT).contains("initdb")
                        ? "initdb failed (the postgres user must be able to reach " + command.get(2) + "): " + out
                        : "command failed (" + rc + "): " + String.join(" ", full) + "\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
