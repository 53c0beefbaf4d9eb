package id.teken.kit.tls;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.FileInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The internal HTTPS through BoringSSL: it loads on this platform (Linux x86-64, as every Teken machine and image), a
 * server and a client with that engine move a 3 MB body intact both ways, the JDK's own client (the services' REST
 * clients) talks to that server, and a client that does not trust the server's certificate is refused.
 */
class OpenSslTlsTest {

    @TempDir
    static Path dir;
    static Vertx vertx;
    static HttpServer server;
    static Path cert;

    @BeforeAll
    static void start() throws Exception {
        cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("openssl made the test certificate").isTrue();
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(OpenSslTls.apply(new HttpServerOptions().setSsl(true).setHost("127.0.0.1").setPort(0)
                        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString()))))
                .requestHandler(req -> req.body().onSuccess(body -> req.response()
                        .putHeader("X-Sha256", sha256(body.getBytes())).end(body)))
                .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void boringSsl_loadsOnLinuxX64() {
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").equals("amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(linuxX64
                && !"jdk".equalsIgnoreCase(System.getenv().getOrDefault("TEKEN_TLS_ENGINE", "openssl")));
        assertThat(OpenSslTls.available()).as("netty-tcnative's BoringSSL").isTrue();
        HttpServerOptions options = OpenSslTls.apply(new HttpServerOptions());
        assertThat(options.getSslEngineOptions()).isInstanceOf(io.vertx.core.net.OpenSSLEngineOptions.class);
    }

    @Test
    void aLargeBody_crossesIntact_bothWays() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        new Random(13).nextBytes(body);
        HttpClient client = vertx.createHttpClient(OpenSslTls.apply(new HttpClientOptions().setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString()))));
        try {
            var answer = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                            .setPort(server.actualPort()).setURI("/echo"))
                    .compose(req -> req.send(Buffer.buffer(body)))
                    .compose(res -> res.body().map(b -> new Object[] {res.statusCode(), res.getHeader("X-Sha256"), b.getBytes()}))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(answer[0]).isEqualTo(200);
            assertThat(answer[1]).isEqualTo(sha256(body));
            assertThat((byte[]) answer[2]).isEqualTo(body);
        } finally {
            client.close();
        }
    }

    @Test
    void theJdksClient_talksToTheServer() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (FileInputStream in = new FileInputStream(cert.toFile())) {
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        byte[] body = "halo dari klien JDK".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newBuilder().sslContext(context).build()
                .send(java.net.http.HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.actualPort() + "/echo"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(body);
    }

    @Test
    void aClientThatDoesNotTrustTheServer_isRefused() {
        HttpClient client = vertx.createHttpClient(OpenSslTls.apply(new HttpClientOptions().setSsl(true)));
        try {
            assertThatThrownBy(() -> client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                            .setPort(server.actualPort()).setURI("/"))
                    .compose(req -> req.send()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        } finally {
            client.close();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
