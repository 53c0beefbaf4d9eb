package id.teken.certificate.adapter.out.ca;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

/** The key ceremony's command line and files: {@code --name value} options, PEM out, certificates in. */
final class CeremonyIo {

    private CeremonyIo() {
    }

    static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    static X509Certificate readCertificate(Path file) throws Exception {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException(file + " is not a certificate");
        }
    }

    static String pem(X509Certificate c) throws Exception {
        return pem("CERTIFICATE", c.getEncoded());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** {@code --name value} pairs after the command. */
    record Options(Map<String, String> values) {

        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("options come as --name value: " + args[i]);
                }
                o.put(args[i].substring(2), args[++i]);
            }
            return new Options(o);
        }

        Path path(String name) {
            String v = values.get(name);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return Path.of(v);
        }

        int number(String name, int fallback) {
            try {
                return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " takes a number");
            }
        }
    }
}
