package id.teken.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RS256 key pair that registration-service signs tokens with and every service verifies with,
 * generated once per local stack (or test run) as PEM files: {@code jwt-private.pem} (PKCS#8, owner-only)
 * and {@code jwt-public.pem}.
 */
public final class JwtKeys {

    private JwtKeys() {
    }

    public static Path privateKey(Path dir) {
        return dir.resolve("jwt-private.pem");
    }

    public static Path publicKey(Path dir) {
        return dir.resolve("jwt-public.pem");
    }

    public static void ensure(Path dir) {
        if (Files.exists(privateKey(dir)) && Files.exists(publicKey(dir))) {
            return;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey(dir), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateKey(dir), PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(publicKey(dir), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
