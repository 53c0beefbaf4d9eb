package id.teken.kit.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Trust for the calls between Teken's services over HTTPS: the internal CA's certificates (a PEM file, TEKEN_INTERNAL_CA)
 * besides the JDK's own. Unset, the JDK's trust alone (plain HTTP inside, or certificates from a public CA).
 */
public final class InternalTls {

    private InternalTls() {
    }

    /** The CA certificates in the PEM file; empty when no file is named. A file that cannot be read stops the start. */
    public static List<X509Certificate> caCertificates(Optional<String> pemFile) {
        if (pemFile.isEmpty() || pemFile.get().isBlank()) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(Path.of(pemFile.get().trim()))) {
            Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : all) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new IllegalStateException("no certificate in the internal CA file " + pemFile.get());
            }
            return certs;
        } catch (IOException e) {
            throw new UncheckedIOException("the internal CA file cannot be read: " + pemFile.get(), e);
        } catch (CertificateException e) {
            throw new IllegalStateException("the internal CA file holds no valid certificate: " + pemFile.get(), e);
        }
    }

    /** A trust store (PKCS#12, in memory) of the internal CA's certificates; null when none is named. */
    public static KeyStore trustStore(Optional<String> pemFile) {
        List<X509Certificate> certs = caCertificates(pemFile);
        if (certs.isEmpty()) {
            return null;
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certs.size(); i++) {
                store.setCertificateEntry("teken-internal-" + i, certs.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("internal trust store", e);
        }
    }

    /** The same trust store as PKCS#12 bytes under {@code password} (for clients that take a file, such as DSS's loaders). */
    public static byte[] trustStoreBytes(Optional<String> pemFile, char[] password) {
        KeyStore store = trustStore(pemFile);
        if (store == null) {
            return null;
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("internal trust store", e);
        }
    }

    /** An SSL context trusting the JDK's CAs and the internal CA. */
    public static SSLContext context(Optional<String> pemFile) {
        try {
            KeyStore internal = trustStore(pemFile);
            if (internal == null) {
                return SSLContext.getDefault();
            }
            X509TrustManager jdk = trustManager(null);
            X509TrustManager ours = trustManager(internal);
            X509TrustManager either = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    jdk.checkClientTrusted(chain, authType);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    try {
                        ours.checkServerTrusted(chain, authType);
                    } catch (CertificateException notOurs) {
                        jdk.checkServerTrusted(chain, authType);
                    }
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    List<X509Certificate> all = new ArrayList<>(List.of(ours.getAcceptedIssuers()));
                    all.addAll(List.of(jdk.getAcceptedIssuers()));
                    return all.toArray(new X509Certificate[0]);
                }
            };
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {either}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS context", e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }
}
