package id.teken.signing.adapter.out.certificate;

import id.teken.internal.SigningApi;
import id.teken.internal.SigningApi.AuthorizeRequest;
import id.teken.internal.SigningApi.AuthorizeResponse;
import id.teken.internal.SigningApi.SignHashesRequest;
import id.teken.internal.SigningApi.SignHashesResponse;
import id.teken.internal.SigningApi.SigningCertificateResponse;

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
import java.util.concurrent.CompletableFuture;

/**
 * certificate-service's internal API over HTTP with the service token: the signer's chain and sign-hash.
 * Its problem codes become ours (wrong passphrase, locked, not active, not registered); anything else is
 * "signing unavailable". The passphrase goes only into the request body, never into a log or an error.
 */
public class HttpSigningKeys implements SigningKeys, id.teken.signing.application.port.out.SealKeys {

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;
    /** Lenient about fields it does not know, so certificate-service may add some. */
    private final ObjectMapper json = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public HttpSigningKeys(URI base, String token, Duration timeout) {
        this(base, token, timeout, null);
    }

    /** {@code tls}: trust for an https base (the internal CA); null: the JDK's. */
    public HttpSigningKeys(URI base, String token, Duration timeout, javax.net.ssl.SSLContext tls) {
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
    public SignerCertificate signerCertificate(String nip, String channel) {
        return certificateFrom(call(certificateRequest(nip, channel)));
    }

    @Override
    public CompletableFuture<SignerCertificate> signerCertificateAsync(String nip, String channel) {
        return callAsync(certificateRequest(nip, channel)).thenApply(this::certificateFrom);
    }

    private HttpRequest.Builder certificateRequest(String nip, String channel) {
        return HttpRequest.newBuilder(base.resolve(SigningApi.SIGNING_CERTIFICATES + nip + "?channel="
                + java.net.URLEncoder.encode(channel == null ? "owner" : channel, StandardCharsets.UTF_8))).GET();
    }

    private SignerCertificate certificateFrom(JsonNode body) {
        return certificateOf(read(body, SigningCertificateResponse.class));
    }

    private SignerCertificate certificateOf(SigningCertificateResponse answer) {
        List<byte[]> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String pem : answer.certificateChain() == null ? List.<String>of() : answer.certificateChain()) {
                chain.add(factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getEncoded());
            }
        } catch (CertificateException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Rantai sertifikat tidak terbaca.");
        }
        id.teken.signing.domain.CertificateStatus status = id.teken.signing.domain.CertificateStatus.of(answer.status())
                .orElseThrow(() -> new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Status sertifikat tidak dikenal."));
        return new SignerCertificate(answer.serialNumber(), commonName(chain), status, answer.locked(), chain);
    }

    private <T> T read(JsonNode body, Class<T> type) {
        try {
            return json.treeToValue(body, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Jawaban layanan sertifikat tidak terbaca.");
        }
    }

    @Override
    public CompletableFuture<Authorization> authorize(String nip, char[] passphrase, String channel, int signatures) {
        return authorize(new AuthorizeRequest(nip, new String(passphrase), channel(channel), signatures));
    }

    @Override
    public CompletableFuture<Authorization> authorize(String nip, char[] passphrase, String channel, int signatures,
                                                      List<byte[]> hashes, java.time.Duration lifetime) {
        return authorize(new AuthorizeRequest(nip, new String(passphrase), channel(channel), signatures,
                hashes.isEmpty() ? null : base64(hashes), (int) lifetime.toSeconds()));
    }

    @Override
    public CompletableFuture<Authorization> authorizeWithCode(String nip, char[] passphrase, String channel, int signatures, String code) {
        return authorize(new AuthorizeRequest(nip, new String(passphrase), channel(channel), signatures, null, null, code));
    }

    private CompletableFuture<Authorization> authorize(AuthorizeRequest authorize) {
        byte[] request;
        try {
            request = json.writeValueAsBytes(authorize);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return callAsync(HttpRequest.newBuilder(base.resolve(SigningApi.AUTHORIZATIONS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)))
                .thenApply(body -> read(body, AuthorizeResponse.class))
                .thenApply(granted -> new Authorization(granted.sad(), granted.serialNumber(), expiry(granted.expiresAt())));
    }

    private static java.time.Instant expiry(String at) {
        try {
            return at == null ? null : java.time.Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public Signatures signAuthorized(String nip, String sad, List<byte[]> digests, String digestAlgorithm, String channel,
                                     boolean timestamps, boolean ocsp, boolean boundOnly) {
        return signAuthorized(nip, sad, digests, digestAlgorithm, channel, timestamps, ocsp, boundOnly, false);
    }

    @Override
    public Signatures signAuthorized(String nip, String sad, List<byte[]> digests, String digestAlgorithm, String channel,
                                     boolean timestamps, boolean ocsp, boolean boundOnly, boolean pss) {
        return signatures(new SignHashesRequest(nip, base64(digests), digestAlgorithm, null, channel(channel), timestamps, ocsp, sad,
                boundOnly ? Boolean.TRUE : null, pss ? "PSS" : null));
    }

    @Override
    public void revoke(String sad) {
        http.sendAsync(HttpRequest.newBuilder(base.resolve(SigningApi.AUTHORIZATIONS + "/"
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
        return signatures(new SignHashesRequest(nip, base64(digests), digestAlgorithm, new String(passphrase), channel(channel),
                timestamps, ocsp, null));
    }

    private Signatures signatures(SignHashesRequest fields) {
        byte[] request;
        try {
            request = json.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SignHashesResponse answer = read(call(HttpRequest.newBuilder(base.resolve(SigningApi.SIGN_HASHES))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(request))), SignHashesResponse.class);
        List<byte[]> out = decode(answer.signatures());
        if (out.size() != fields.digests().size()) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Jawaban layanan sertifikat tidak lengkap.");
        }
        List<byte[]> tokens = decode(answer.timestampTokens());
        if (!tokens.isEmpty() && tokens.size() != out.size()) {
            tokens = List.of();   // not one per signature: the TSA is asked instead
        }
        String ocspResponse = answer.ocspResponse() == null ? "" : answer.ocspResponse();
        return new Signatures(out, tokens, ocspResponse.isEmpty() ? null : Base64.getDecoder().decode(ocspResponse));
    }

    private static List<String> base64(List<byte[]> values) {
        return values.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    private static List<byte[]> decode(List<String> values) {
        try {
            return values == null ? List.of() : values.stream().map(Base64.getDecoder()::decode).toList();
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Jawaban layanan sertifikat tidak terbaca.");
        }
    }

    @Override
    public java.time.Instant requestApproval(String nip, String channel, String clientName, int signatures) {
        return requestApproval(nip, channel, clientName, signatures, false);
    }

    @Override
    public java.time.Instant requestApproval(String nip, String channel, String clientName, int signatures, boolean withPassphrase) {
        JsonNode body = call(post(SigningApi.APPROVALS, new SigningApi.ApprovalRequest(nip, channel(channel), clientName, signatures,
                withPassphrase ? Boolean.TRUE : null)));
        return java.time.Instant.parse(read(body, SigningApi.ApprovalResponse.class).expiresAt());
    }

    @Override
    public Authorization redeemApproval(String nip, String channel, String code) {
        AuthorizeResponse granted = read(call(post(SigningApi.APPROVAL_REDEEM, new SigningApi.RedeemRequest(nip, channel(channel), code))),
                AuthorizeResponse.class);
        return new Authorization(granted.sad(), granted.serialNumber(), expiry(granted.expiresAt()));
    }

    @Override
    public SealCertificate sealCertificate(String sealId) {
        id.teken.internal.SealApi.SealCertificateResponse answer = read(call(HttpRequest.newBuilder(base.resolve(
                id.teken.internal.SealApi.CERTIFICATES + java.net.URLEncoder.encode(sealId, StandardCharsets.UTF_8))).GET()),
                id.teken.internal.SealApi.SealCertificateResponse.class);
        SignerCertificate certificate = certificateOf(new SigningCertificateResponse(answer.serialNumber(), answer.status(), false,
                answer.certificateChain()));
        return new SealCertificate(answer.idSubscriber(), answer.unitName(), certificate);
    }

    @Override
    public Activation activate(String sealId, String channel, String clientName, String code) {
        id.teken.internal.SealApi.ActivationResponse answer = read(call(post(id.teken.internal.SealApi.ACTIVATION,
                new id.teken.internal.SealApi.ActivationRequest(sealId, channel(channel), clientName, code))),
                id.teken.internal.SealApi.ActivationResponse.class);
        return new Activation(answer.code(), expiry(answer.expiresAt()), answer.mailed());
    }

    @Override
    public void revokeActivation(String sealId, String channel, String code) {
        call(post(id.teken.internal.SealApi.ACTIVATION_REVOKE, new id.teken.internal.SealApi.ActivationRequest(sealId, channel(channel),
                null, code)));
    }

    @Override
    public Totp totp(String sealId, String channel, String activationCode, int documents) {
        id.teken.internal.SealApi.TotpResponse answer = read(call(post(id.teken.internal.SealApi.TOTP,
                new id.teken.internal.SealApi.TotpRequest(sealId, channel(channel), activationCode, documents))),
                id.teken.internal.SealApi.TotpResponse.class);
        return new Totp(answer.totp(), expiry(answer.expiresAt()), answer.documents());
    }

    @Override
    public Authorization redeem(String sealId, String channel, String totp, int signatures) {
        AuthorizeResponse granted = read(call(post(id.teken.internal.SealApi.REDEEM,
                new id.teken.internal.SealApi.RedeemRequest(sealId, channel(channel), totp, signatures))), AuthorizeResponse.class);
        return new Authorization(granted.sad(), granted.serialNumber(), expiry(granted.expiresAt()));
    }

    private HttpRequest.Builder post(String path, Object body) {
        try {
            return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String channel(String channel) {
        return channel == null ? "owner" : channel;
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
            body = response.statusCode() == 204 ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Jawaban layanan sertifikat tidak terbaca.");
        }
        if (response.statusCode() == 200) {
            return body;
        }
        if (response.statusCode() == 204) {
            return json.nullNode();
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
            case "CODE_WRONG" -> new DomainException(ErrorCode.TOTP_WRONG, detail);
            case "APPROVAL_PENDING" -> new DomainException(ErrorCode.TOTP_NOT_APPROVED, detail);
            case "NO_CERTIFICATE" -> new DomainException(ErrorCode.NOT_REGISTERED, "User tidak terdaftar atau belum memiliki sertifikat.");
            case "TOO_MANY_ATTEMPTS" -> new DomainException(ErrorCode.TOTP_TOO_MANY, detail, retry);
            case "SEAL_NOT_FOUND" -> new DomainException(ErrorCode.SEAL_NOT_FOUND, detail);
            case "SEAL_NOT_ACTIVATED" -> new DomainException(ErrorCode.SEAL_NOT_ACTIVATED, detail);
            case "MALFORMED_REQUEST" -> new DomainException(ErrorCode.MALFORMED_REQUEST, detail);
            default -> new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Layanan sertifikat menolak permintaan (" + response.statusCode() + ").");
        };
    }
}
