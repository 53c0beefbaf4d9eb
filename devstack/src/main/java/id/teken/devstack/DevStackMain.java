package id.teken.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Command line for {@code ./teken}: the same code the tests use, one sub-command per piece.
 * <pre>
 *   postgres-start DIR PORT DB...   init (first time) and start the private cluster, create databases
 *   postgres-stop DIR               stop it
 *   createdb URL DB...              create databases on the server named by a TEKEN_DB_URL-style URL
 *   kafka DIR PORT CONTROLLER_PORT  run the broker in the foreground
 *   mail SMTP IMAP API              run GreenMail in the foreground
 *   keys DIR                        make the JWT key pair unless present
 *   pg-bin                          print the PostgreSQL binaries directory (or how to install them)
 * </pre>
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "postgres-start" -> {
                    PostgresCluster cluster = new PostgresCluster(Path.of(rest.get(0)).toAbsolutePath(), Integer.parseInt(rest.get(1)));
                    cluster.start();
                    for (String db : rest.subList(2, rest.size())) {
                        PostgresCluster.createDatabase(cluster.jdbcUrl("postgres"), PostgresCluster.SUPERUSER, null, db);
                    }
                }
                case "postgres-stop" -> new PostgresCluster(Path.of(rest.get(0)).toAbsolutePath(), 0).stop();
                case "createdb" -> {
                    DevStack.ExternalDatabase server = DevStack.ExternalDatabase.parse(rest.get(0));
                    for (String db : rest.subList(1, rest.size())) {
                        PostgresCluster.createDatabase(server.jdbcUrl("postgres"), server.user(), server.password(), db);
                    }
                }
                case "kafka" -> KafkaBroker.main(rest.toArray(new String[0]));
                case "mail" -> MailServer.main(rest.toArray(new String[0]));
                case "keys" -> JwtKeys.ensure(Path.of(rest.get(0)));
                case "pg-bin" -> System.out.println(PostgresCluster.binaries());
                default -> usage();
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void usage() {
        System.err.println("usage: devstack postgres-start|postgres-stop|createdb|kafka|mail|keys|pg-bin ...");
        System.exit(2);
    }
}
