package id.teken.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway as it runs in production: HTTPS only, from a certificate and key in PEM files, behind a load balancer whose
 * X-Forwarded-For it believes (here the test client's loopback address is the trusted proxy).
 */
@QuarkusTest
@TestProfile(HttpsAndTrustedProxyTest.HttpsOnlyBehindAProxy.class)
@QuarkusTestResource(UpstreamStubResource.class)
class HttpsAndTrustedProxyTest {

    static Path tls;

    /** A key and self-signed certificate made with openssl, HTTPS only, loopback trusted as the proxy. */
    public static class HttpsOnlyBehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            tls = certificateDirectory();
            return Map.of("quarkus.http.ssl.certificate.files", tls.resolve("gateway.crt").toString(),
                    "quarkus.http.ssl.certificate.key-files", tls.resolve("gateway.key").toString(),
                    "quarkus.http.insecure-requests", "disabled",
                    "teken.gateway.trusted-proxies", "127.0.0.1/32,::1/128");
        }
    }

    /**
     * One certificate per test JVM, at a path both class loaders (the profile's and the test's) compute alike: Quarkus
     * asks the profile more than once, and the test must trust what the server serves.
     */
    static synchronized Path certificateDirectory() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "teken-gateway-tls-" + ProcessHandle.current().pid());
        if (!Files.exists(dir.resolve("gateway.crt"))) {
            makeCertificate(dir);
            dir.toFile().deleteOnExit();
            dir.resolve("gateway.crt").toFile().deleteOnExit();
            dir.resolve("gateway.key").toFile().deleteOnExit();
        }
        return dir;
    }

    static Path makeCertificate(Path dir) {
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=teken-gateway-test", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", dir.resolve("gateway.key").toString(), "-out", dir.resolve("gateway.crt").toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl could not make the test certificate");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.BeforeAll
    static void sameCertificate() {
        tls = certificateDirectory();
    }

    @TestHTTPResource(value = "/verify/abc", tls = true)
    URL httpsCa;

    WireMockServer upstream() {
        return UpstreamStubResource.upstream;
    }

    @BeforeEach
    void stub() {
        upstream().resetAll();
        upstream().stubFor(get(urlEqualTo("/verify/abc")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    HttpsURLConnection open(SSLContext context, Map<String, String> headers) throws IOException {
        HttpsURLConnection c = (HttpsURLConnection) httpsCa.openConnection();
        c.setSSLSocketFactory(context.getSocketFactory());
        headers.forEach(c::setRequestProperty);
        return c;
    }

    @Test
    void servesHttps_withTheCertificateFromTheFiles() throws Exception {
        assertThat(httpsCa.getProtocol()).isEqualTo("https");
        HttpsURLConnection c = open(trusting(tls.resolve("gateway.crt")), Map.of());
        assertThat(c.getResponseCode()).isEqualTo(200);
        X509Certificate served = (X509Certificate) c.getServerCertificates()[0];
        assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=teken-gateway-test");
        c.disconnect();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificate_isRefusedTheHandshake() throws Exception {
        SSLContext defaults = SSLContext.getDefault();
        HttpsURLConnection c = open(defaults, Map.of());
        assertThatThrownBy(c::getResponseCode).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void behindATrustedProxy_theCallerIsWhomItsForwardedForNames_andTheProtoIsHttps() throws Exception {
        HttpsURLConnection c = open(trusting(tls.resolve("gateway.crt")), Map.of("X-Forwarded-For", "6.6.6.6, 203.0.113.4"));
        assertThat(c.getResponseCode()).isEqualTo(200);
        c.disconnect();
        upstream().verify(getRequestedFor(urlEqualTo("/verify/abc"))
                .withHeader("X-Forwarded-For", WireMock.equalTo("203.0.113.4"))
                .withHeader("X-Forwarded-Proto", WireMock.equalTo("https")));
        assertThat(upstream().findAll(getRequestedFor(urlEqualTo("/verify/abc")))).hasSize(1);
    }

    @Test
    void garbageForwardedFor_doesNotChooseTheCaller() throws Exception {
        HttpsURLConnection c = open(trusting(tls.resolve("gateway.crt")), Map.of("X-Forwarded-For", "evil.example"));
        assertThat(c.getResponseCode()).isEqualTo(200);
        c.disconnect();
        List<String> seen = upstream().findAll(getRequestedFor(urlEqualTo("/verify/abc"))).stream()
                .map(r -> r.getHeader("X-Forwarded-For")).toList();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    /** Browsers speak HTTP/2 over TLS: refusals (no Connection header there) and proxied answers both arrive whole. */
    @Test
    void overHttp2_refusalsAndProxiedAnswersArriveWhole() throws Exception {
        java.net.http.HttpClient h2 = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2)
                .sslContext(trusting(tls.resolve("gateway.crt"))).build();
        java.net.URI base = httpsCa.toURI().resolve("/");
        java.net.http.HttpResponse<String> refused = h2.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/me")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"UNAUTHENTICATED\"");
        java.net.http.HttpResponse<String> proxied = h2.send(java.net.http.HttpRequest.newBuilder(base.resolve("/verify/abc")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo("{}");
    }
}
