package id.teken.kit.tls;

import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.TCPSSLOptions;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * TLS through BoringSSL (netty-tcnative) for the HTTPS between Teken's services, where it loads: the JDK's SSLEngine
 * decrypts the direct buffers Netty reads into with a per-block Java GHASH (about a fifth of signing-service's CPU and a
 * third of the gateway's on a 1 MB signature, measured with JFR), BoringSSL with the CPU's AES and carry-less multiply
 * instructions. The same protocols, certificates and trust; only the engine changes. {@code TEKEN_TLS_ENGINE=jdk} keeps
 * the JDK's engine; where netty-tcnative has no library for the platform, the JDK's engine runs (logged once).
 */
public final class OpenSslTls {

    private static final Logger LOG = Logger.getLogger(OpenSslTls.class);
    private static final boolean AVAILABLE = detect();

    private OpenSslTls() {
    }

    /** Whether BoringSSL is in use for this process's internal TLS. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** The options with BoringSSL as their engine when it is available; unchanged otherwise. */
    public static <T extends TCPSSLOptions> T apply(T options) {
        if (AVAILABLE) {
            options.setSslEngineOptions(new OpenSSLEngineOptions().setSessionCacheEnabled(true));
        }
        return options;
    }

    private static boolean detect() {
        String engine = System.getProperty("teken.tls.engine", System.getenv().getOrDefault("TEKEN_TLS_ENGINE", "openssl"));
        if ("jdk".equals(engine.trim().toLowerCase(Locale.ROOT))) {
            LOG.info("TLS engine: the JDK's (TEKEN_TLS_ENGINE=jdk)");
            return false;
        }
        try {
            if (OpenSSLEngineOptions.isAvailable()) {
                LOG.infof("TLS engine: %s through netty-tcnative", io.netty.handler.ssl.OpenSsl.versionString());
                return true;
            }
            LOG.warnf("TLS engine: the JDK's (netty-tcnative did not load: %s)", io.netty.handler.ssl.OpenSsl.unavailabilityCause());
        } catch (LinkageError e) {
            LOG.warnf("TLS engine: the JDK's (netty-tcnative did not load: %s)", e.toString());
        }
        return false;
    }
}
