package id.teken.signing.adapter.out.registration;

import id.teken.internal.SignerApi;
import id.teken.internal.SignerApi.SignerResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.teken.signing.application.port.out.SignerDirectory;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** registration-service's GET /internal/v1/signers?nip|nik|email= with the service token. */
public class HttpSignerDirectory implements SignerDirectory {

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;
    /** Lenient about fields it does not know, so registration-service may add some. */
    private final ObjectMapper json = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public HttpSignerDirectory(URI base, String token, Duration timeout) {
        this(base, token, timeout, null);
    }

    /** {@code tls}: trust for an https base (the internal CA); null: the JDK's. */
    public HttpSignerDirectory(URI base, String token, Duration timeout, javax.net.ssl.SSLContext tls) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    @Override
    public Optional<Signer> find(String nip, String nik, String email) {
        String query = nip != null ? "nip=" + enc(nip) : nik != null ? "nik=" + enc(nik) : "email=" + enc(email);
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + SignerApi.SIGNERS + "?" + query))
                    .timeout(timeout).header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Layanan registrasi tidak dapat dihubungi. Coba lagi nanti.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Permintaan dibatalkan.");
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Jawaban layanan registrasi tidak terbaca.");
        }
        if (response.statusCode() == 400) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, body.path("detail").asText("NIK, NIP atau email tidak valid."));
        }
        if (response.statusCode() == 409) {
            throw new DomainException(ErrorCode.SIGNER_AMBIGUOUS, body.path("detail").asText(
                    "Email ini dipakai lebih dari satu pegawai; sebutkan penanda tangan dengan NIK."));
        }
        if (response.statusCode() != 200) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Layanan registrasi menolak permintaan (" + response.statusCode() + ").");
        }
        SignerResponse s;
        try {
            s = json.treeToValue(body, SignerResponse.class);
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Jawaban layanan registrasi tidak terbaca.");
        }
        return Optional.of(new Signer(s.nip(), s.nik(), s.nama(), s.jabatan(), s.unitOrganisasi(), s.emailDinas(), s.status()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
