package id.teken.registration.application.port.out;

/** One-way password hashing with a per-password salt (the hash string carries its parameters). */
public interface PasswordHasher {

    String hash(char[] password);

    boolean matches(char[] password, String hash);
}
