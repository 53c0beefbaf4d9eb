package id.teken.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Stands in for certificate-service at signing-service's boundary in these tests: a real RSA key and chain made with
 * Bouncy Castle, the internal API (signer chain; sign-hash that signs the DigestInfo only for the right passphrase)
 * and an RFC 3161 TSA. The real certificate-service is tested on its own; the cross-service journey comes with issue 6.
 */
public class CertificateServiceStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String SIGNER = "198503152010011001";
    public static final String SUSPENDED = "199007222015032002";
    public static final String PASSPHRASE = "Kebun#Teh7Lawu";
    public static X509Certificate root;
    public static X509Certificate leaf;

    private HttpServer server;
    private KeyPair leafKeys;
    private KeyPair tsaKeys;
    private X509Certificate tsa;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair rootKeys = generator.generateKeyPair();
            leafKeys = generator.generateKeyPair();
            tsaKeys = generator.generateKeyPair();
            root = cert("CN=Test Root CA,O=Teken Test,C=ID", "CN=Test Root CA,O=Teken Test,C=ID", rootKeys, rootKeys, true, null);
            leaf = cert("CN=Budi Santoso,O=Pemerintah Kabupaten Ponorogo,C=ID", "CN=Test Root CA,O=Teken Test,C=ID", leafKeys, rootKeys, false, null);
            tsa = cert("CN=Test TSA,O=Teken Test,C=ID", "CN=Test Root CA,O=Teken Test,C=ID", tsaKeys, rootKeys, false, KeyPurposeId.id_kp_timeStamping);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/signing-certificates/", this::certificate);
            server.createContext("/internal/v1/sign-hash", this::signHash);
            server.createContext("/pki/tsa", this::timestamp);
            server.createContext("/pki/ca", x -> {
                try {
                    byte[] chain = pem(root).getBytes(StandardCharsets.US_ASCII);
                    x.sendResponseHeaders(200, chain.length);
                    x.getResponseBody().write(chain);
                } catch (Exception e) {
                    x.sendResponseHeaders(500, -1);
                }
                x.close();
            });
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of("teken.signing.certificate-service-url", base, "teken.signing.tsa-url", base + "/pki/tsa",
                    "teken.internal.token", "stand-in-token");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void certificate(HttpExchange x) throws IOException {
        String nip = x.getRequestURI().getPath().substring("/internal/v1/signing-certificates/".length());
        if (!authorized(x)) {
            return;
        }
        if (!nip.equals(SIGNER) && !nip.equals(SUSPENDED)) {
            send(x, 404, Map.of("code", "CERTIFICATE_NOT_FOUND", "detail", "not found"));
            return;
        }
        try {
            send(x, 200, Map.of("serialNumber", leaf.getSerialNumber().toString(16).toUpperCase(), "status",
                    nip.equals(SIGNER) ? "ISSUE" : "SUSPEND", "locked", false, "certificateChain", List.of(pem(leaf), pem(root))));
        } catch (Exception e) {
            send(x, 500, Map.of("code", "INTERNAL_ERROR"));
        }
    }

    private void signHash(HttpExchange x) throws IOException {
        if (!authorized(x)) {
            return;
        }
        JsonNode body = json.readTree(x.getRequestBody().readAllBytes());
        if (!PASSPHRASE.equals(body.path("passphrase").asText())) {
            send(x, 400, Map.of("code", "PASSPHRASE_WRONG", "detail", "Passphrase anda salah. Sisa percobaan: 4."));
            return;
        }
        try {
            DigestInfo info = new DigestInfo(pkcs1DigestAlgorithm(body.path("digestAlgorithm").asText()),
                    Base64.getDecoder().decode(body.path("digest").asText()));
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(leafKeys.getPrivate());
            rsa.update(info.getEncoded());
            send(x, 200, Map.of("signature", Base64.getEncoder().encodeToString(rsa.sign()), "signatureAlgorithm", "SHA256withRSA"));
        } catch (Exception e) {
            send(x, 500, Map.of("code", "INTERNAL_ERROR"));
        }
    }

    private void timestamp(HttpExchange x) throws IOException {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKeys.getPrivate(), tsa),
                    new JcaDigestCalculatorProviderBuilder().build().get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                            org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)), new ASN1ObjectIdentifier("2.25.1.2"));
            tokens.addCertificates(new JcaCertStore(List.of(tsa, root)));
            byte[] reply = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                    .generate(new TimeStampRequest(x.getRequestBody().readAllBytes()), BigInteger.valueOf(System.nanoTime()), new Date())
                    .getEncoded();
            x.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            x.sendResponseHeaders(200, reply.length);
            x.getResponseBody().write(reply);
            x.close();
        } catch (Exception e) {
            x.sendResponseHeaders(500, -1);
            x.close();
        }
    }

    private boolean authorized(HttpExchange x) throws IOException {
        if (!"Bearer stand-in-token".equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, Map.of("code", "SERVICE_UNAUTHENTICATED"));
            return false;
        }
        return true;
    }

    private void send(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static X509Certificate cert(String subject, String issuer, KeyPair subjectKeys, KeyPair issuerKeys, boolean ca,
                                        KeyPurposeId eku) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.toEpochMilli()
                + subject.hashCode()).abs(), Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
                new X500Name(subject), subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                        : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (eku != null) {
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(eku));
        }
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate()));
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
    }

    private static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    /**
     * The digest AlgorithmIdentifier for a PKCS#1 v1.5 DigestInfo, with explicit NULL parameters as RFC 8017 writes
     * it (strict verifiers such as NSS reject the form without them).
     */
    static org.bouncycastle.asn1.x509.AlgorithmIdentifier pkcs1DigestAlgorithm(String name) {
        org.bouncycastle.asn1.ASN1ObjectIdentifier oid = switch (name) {
            case "SHA-256" -> org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256;
            case "SHA-384" -> org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha384;
            case "SHA-512" -> org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha512;
            default -> throw new IllegalArgumentException("unsupported digest " + name);
        };
        return new org.bouncycastle.asn1.x509.AlgorithmIdentifier(oid, org.bouncycastle.asn1.DERNull.INSTANCE);
    }
}
