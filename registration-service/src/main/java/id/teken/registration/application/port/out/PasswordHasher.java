package id.teken.registration.application.port.out;

/**
 * One-way password hashing with a per-password salt (the hash string carries its parameters). Hashing is bounded in
 * parallel (each hash holds memory); {@link Busy} means "no turn now, come back in a moment".
 */
public interface PasswordHasher {

    String hash(char[] password);

    boolean matches(char[] password, String hash);

    /** Every hashing turn was taken for longer than a caller should wait. */
    final class Busy extends RuntimeException {
        public Busy() {
            super("password hashing busy", null, false, false);
        }
    }
}
