package id.teken.certificate.adapter.out.custody;

import java.util.HexFormat;

/** Run by Argon2idTest in a JVM of its own (the native filling is chosen once per JVM): prints the path taken and a tag. */
public final class Argon2FallbackMain {

    private Argon2FallbackMain() {
    }

    public static void main(String[] args) {
        Argon2id argon2 = new Argon2id();
        byte[] tag = argon2.derive("correct horse battery".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "somesaltsomesalt".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null, 19456, 2, 1, 32);
        System.out.println("native=" + argon2.nativeFill() + " variant=" + Argon2Native.variant() + " reason=" + Argon2Native.reason() + " tag=" + HexFormat.of().formatHex(tag));
    }
}
