package id.teken.signing.adapter.out.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.teken.signing.application.port.out.SigningKeys;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * certificate-service's internal API over HTTP with the service token: the signer's chain and sign-hash.
 * Its problem codes become ours (wrong passphrase, locked, not active, not registered); anything else is
 * "signing unavailable". The passphrase goes only into the request body, never into a log or an error.
 */
public class HttpSigningKeys implements SigningKeys {

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public HttpSigningKeys(URI base, String token, Duration timeout) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public SignerCertificate signerCertificate(String nip, String channel) {
        return certificateFrom(call(certificateRequest(nip, channel)));
    }

    @Override
    public CompletableFuture<SignerCertificate> signerCertificateAsync(String nip, String channel) {
        return callAsync(certificateRequest(nip, channel)).thenApply(this::certificateFrom);
    }

    private HttpRequest.Builder certificateRequest(String nip, String channel) {
        return HttpRequest.newBuilder(base.resolve("/internal/v1/signing-certificates/" + nip + "?channel="
                + java.net.URLEncoder.encode(channel == null ? "owner" : channel, StandardCharsets.UTF_8))).GET();
    }

    private SignerCertificate certificateFrom(JsonNode body) {
        List<byte[]> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode pem : body.path("certificateChain")) {
                chain.add(factory.generateCertificate(new ByteArrayInputStream(pem.asText().getBytes(StandardCharsets.US_ASCII))).getEncoded());
            }
        } catch (CertificateException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Rantai sertifikat tidak terbaca.");
        }
        id.teken.signing.domain.CertificateStatus status = id.teken.signing.domain.CertificateStatus.of(body.path("status").asText())
                .orElseThrow(() -> new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Status sertifikat tidak dikenal."));
        return new SignerCertificate(body.path("serialNumber").asText(), commonName(chain), status, body.path("locked").asBoolean(), chain);
    }

    @Override
    public CompletableFuture<Authorization> authorize(String nip, char[] passphrase, String channel, int signatures) {
        byte[] request;
        try {
            request = json.writeValueAsBytes(Map.of("nip", nip, "passphrase", new String(passphrase), "channel",
                    channel == null ? "owner" : channel, "signatures", signatures));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return callAsync(HttpRequest.newBuilder(base.resolve("/internal/v1/authorizations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)))
                .thenApply(body -> new Authorization(body.path("sad").asText(), body.path("serialNumber").asText()));
    }

    @Override
    public Signatures signAuthorized(String nip, String sad, List<byte[]> digests, String digestAlgorithm, String channel,
                                     boolean timestamps, boolean ocsp) {
        return signatures(Map.of("nip", nip, "sad", sad, "digests", digests.stream().map(Base64.getEncoder()::encodeToString).toList(),
                "digestAlgorithm", digestAlgorithm, "channel", channel == null ? "owner" : channel, "timestamps", timestamps, "ocsp", ocsp),
                digests.size());
    }

    @Override
    public void revoke(String sad) {
        http.sendAsync(HttpRequest.newBuilder(base.resolve("/internal/v1/authorizations/"
                        + java.net.URLEncoder.encode(sad, StandardCharsets.UTF_8))).timeout(timeout)
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String commonName(List<byte[]> chain) {
        if (chain.isEmpty()) {
            return null;
        }
        try {
            java.security.cert.X509Certificate leaf = (java.security.cert.X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(chain.get(0)));
            javax.naming.ldap.LdapName name = new javax.naming.ldap.LdapName(leaf.getSubjectX500Principal().getName());
            return name.getRdns().stream().filter(r -> r.getType().equalsIgnoreCase("CN")).map(r -> r.getValue().toString())
                    .findFirst().orElse(null);
        } catch (CertificateException | javax.naming.InvalidNameException e) {
            return null;
        }
    }

    @Override
    public Signatures signDigests(String nip, List<byte[]> digests, String digestAlgorithm, char[] passphrase, String channel,
                                  boolean timestamps, boolean ocsp) {
        return signatures(Map.of("nip", nip, "digests", digests.stream().map(Base64.getEncoder()::encodeToString).toList(),
                "digestAlgorithm", digestAlgorithm, "passphrase", new String(passphrase), "channel", channel == null ? "owner" : channel,
                "timestamps", timestamps, "ocsp", ocsp), digests.size());
    }

    private Signatures signatures(Map<String, Object> fields, int expected) {
        byte[] request;
        try {
            request = json.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JsonNode body = call(HttpRequest.newBuilder(base.resolve("/internal/v1/sign-hashes"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(request)));
        List<byte[]> out = new ArrayList<>();
        for (JsonNode s : body.path("signatures")) {
            out.add(Base64.getDecoder().decode(s.asText()));
        }
        if (out.size() != expected) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Jawaban layanan sertifikat tidak lengkap.");
        }
        List<byte[]> tokens = new ArrayList<>();
        for (JsonNode t : body.path("timestampTokens")) {
            tokens.add(Base64.getDecoder().decode(t.asText()));
        }
        if (!tokens.isEmpty() && tokens.size() != out.size()) {
            tokens.clear();   // not one per signature: the TSA is asked instead
        }
        String ocspResponse = body.path("ocspResponse").asText("");
        return new Signatures(out, tokens, ocspResponse.isEmpty() ? null : Base64.getDecoder().decode(ocspResponse));
    }

    private CompletableFuture<JsonNode> callAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.timeout(timeout).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                        .build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Layanan sertifikat tidak dapat dihubungi. Coba lagi nanti.");
                    }
                    return answer(response);
                });
    }

    private JsonNode call(HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(timeout).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Layanan sertifikat tidak dapat dihubungi. Coba lagi nanti.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Permintaan dibatalkan.");
        }
        return answer(response);
    }

    /** The JSON body of a 200; certificate-service's problem codes as ours otherwise. */
    private JsonNode answer(HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Jawaban layanan sertifikat tidak terbaca.");
        }
        if (response.statusCode() == 200) {
            return body;
        }
        String code = body.path("code").asText("");
        String detail = body.path("detail").asText("");
        Duration retry = response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(null);
        throw switch (code) {
            case "PASSPHRASE_WRONG" -> new DomainException(ErrorCode.PASSPHRASE_WRONG, detail);
            case "CREDENTIAL_LOCKED" -> new DomainException(ErrorCode.CREDENTIAL_LOCKED, detail, retry);
            case "CREDENTIAL_BUSY" -> new DomainException(ErrorCode.CREDENTIAL_BUSY, detail, retry);
            case "CERTIFICATE_NOT_ACTIVE" -> new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, detail);
            case "CERTIFICATE_NOT_FOUND" -> new DomainException(ErrorCode.NOT_REGISTERED, "User tidak terdaftar atau belum memiliki sertifikat.");
            case "AUTHORIZATION_INVALID" -> new DomainException(ErrorCode.AUTHORIZATION_INVALID, detail);
            default -> new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Layanan sertifikat menolak permintaan (" + response.statusCode() + ").");
        };
    }
}
