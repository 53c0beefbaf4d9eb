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
 * and an RFC 3161 TSA. StandInContractsTest holds it to the contracts the real certificate- and registration-service
 * pass in their own tests (SigningApiContract, SignerApiContract in devstack).
 */
public class CertificateServiceStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String SIGNER = "198503152010011001";
    public static final String SUSPENDED = "199007222015032002";
    public static final String SECOND = "199511052022022001";
    public static final String SIGNER_NIK = "3502011503850001";
    public static final String SECOND_NIK = "3502154511950003";
    public static final String SIGNER_EMAIL = "budi.santoso@ponorogo.go.id";
    public static final String SIGNER_UNIT = "Dinas Komunikasi, Informatika dan Statistik";
    /** An address two registrations share: registration-service refuses to guess. */
    public static final String AMBIGUOUS_EMAIL = "bersama@ponorogo.go.id";
    public static X509Certificate second;
    /** The channel of every passphrase check (authorization or sign-hashes with a passphrase), in order (web:<nip>, client:<username>). */
    public static final java.util.List<String> CHANNELS = new java.util.concurrent.CopyOnWriteArrayList<>();
    public static final String PASSPHRASE = "Kebun#Teh7Lawu";
    public static X509Certificate root;
    /**
     * Whether sign-hashes answers with the time-stamp tokens and the OCSP response when asked (as certificate-service
     * does); off, signing-service must fetch them from /pki/tsa and /pki/ocsp itself.
     */
    public static final java.util.concurrent.atomic.AtomicBoolean HAND_EVIDENCE = new java.util.concurrent.atomic.AtomicBoolean(true);
    /** Calls to /pki/tsa and /pki/ocsp (what the handed evidence saves). */
    public static final java.util.concurrent.atomic.AtomicInteger TSA_CALLS = new java.util.concurrent.atomic.AtomicInteger();
    public static final java.util.concurrent.atomic.AtomicInteger OCSP_CALLS = new java.util.concurrent.atomic.AtomicInteger();
    public static volatile X509Certificate leaf;

    private HttpServer server;
    private volatile KeyPair leafKeys;
    private KeyPair secondKeys;
    private KeyPair rootKeys;
    private String base;
    private KeyPair tsaKeys;
    private X509Certificate tsa;
    private final ObjectMapper json = new ObjectMapper();

    private static volatile CertificateServiceStandIn running;

    /**
     * The signer gets a new key and certificate (as after a passphrase reset) without any event reaching signing-service;
     * closing it gives the signer back the first ones.
     */
    public static AutoCloseable signerRekeyed() throws Exception {
        CertificateServiceStandIn standIn = running;
        KeyPair oldKeys = standIn.leafKeys;
        X509Certificate oldLeaf = leaf;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair fresh = generator.generateKeyPair();
        X509Certificate renewed = standIn.cert("CN=Budi Santoso,O=Pemerintah Kabupaten Ponorogo,C=ID", "CN=Test Root CA,O=Teken Test,C=ID",
                fresh, standIn.rootKeys, false, null);
        standIn.leafKeys = fresh;
        leaf = renewed;
        return () -> {
            standIn.leafKeys = oldKeys;
            leaf = oldLeaf;
        };
    }

    @Override
    public Map<String, String> start() {
        running = this;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            rootKeys = generator.generateKeyPair();
            leafKeys = generator.generateKeyPair();
            secondKeys = generator.generateKeyPair();
            tsaKeys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            base = "http://127.0.0.1:" + server.getAddress().getPort();
            root = cert("CN=Test Root CA,O=Teken Test,C=ID", "CN=Test Root CA,O=Teken Test,C=ID", rootKeys, rootKeys, true, null);
            leaf = cert("CN=Budi Santoso,O=Pemerintah Kabupaten Ponorogo,C=ID", "CN=Test Root CA,O=Teken Test,C=ID", leafKeys, rootKeys, false, null);
            second = cert("CN=Dewi Lestari,O=Pemerintah Kabupaten Ponorogo,C=ID", "CN=Test Root CA,O=Teken Test,C=ID", secondKeys, rootKeys, false, null);
            tsa = cert("CN=Test TSA,O=Teken Test,C=ID", "CN=Test Root CA,O=Teken Test,C=ID", tsaKeys, rootKeys, false, KeyPurposeId.id_kp_timeStamping);
            server.createContext("/pki/ocsp", this::ocsp);
            server.createContext("/pki/crl", this::crl);
            server.createContext("/internal/v1/signers", this::signers);
            server.createContext("/internal/v1/signing-certificates/", this::certificate);
            server.createContext("/internal/v1/sign-hashes", this::signHashes);
            server.createContext("/internal/v1/authorizations", this::authorizations);
            server.createContext("/internal/v1/signing-approvals", this::approvals);
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
            return Map.of("teken.signing.certificate-service-url", base, "teken.signing.tsa-url", base + "/pki/tsa",
                    "teken.internal.token", "stand-in-token", "teken.internal.certificate-token", "stand-in-token",
                    "teken.internal.registration-token", "stand-in-token", "teken.signing.registration-service-url", base,
                    "teken.client-assertion.key", "stand-in-assertion-key");
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
        if (!nip.equals(SIGNER) && !nip.equals(SUSPENDED) && !nip.equals(SECOND)) {
            send(x, 404, Map.of("code", "CERTIFICATE_NOT_FOUND", "detail", "not found"));
            return;
        }
        try {
            X509Certificate c = nip.equals(SECOND) ? second : leaf;
            send(x, 200, Map.of("serialNumber", c.getSerialNumber().toString(16).toUpperCase(), "status",
                    nip.equals(SUSPENDED) ? "SUSPEND" : "ISSUE", "locked", false, "certificateChain", List.of(pem(c), pem(root))));
        } catch (Exception e) {
            send(x, 500, Map.of("code", "INTERNAL_ERROR"));
        }
    }

    private void signHashes(HttpExchange x) throws IOException {
        if (!authorized(x)) {
            return;
        }
        JsonNode body = json.readTree(x.getRequestBody().readAllBytes());
        if (!wellFormed(body)) {
            send(x, 400, Map.of("code", "MALFORMED_REQUEST", "detail", "digests: 1 to 100 base64 digests of the algorithm's length."));
            return;
        }
        if (body.hasNonNull("sad")) {
            // One use per signature, for the NIP and channel (and, when bound, the hashes) it was granted to; a refused
            // call leaves it unused.
            String[] grant = GRANTS.get(body.path("sad").asText());
            boolean hashesOk = true;
            if (grant != null && grant[2].isEmpty() && body.path("boundOnly").asBoolean(false)) {
                hashesOk = false;   // a SAD for a number of signatures where only a hash-bound one will do
            }
            if (grant != null && !grant[2].isEmpty()) {
                java.util.Set<String> allowed = java.util.Set.of(grant[2].split(","));
                for (JsonNode d : body.path("digests")) {
                    hashesOk &= allowed.contains(d.asText());
                }
            }
            if (grant == null || !grant[0].equals(body.path("nip").asText()) || !grant[1].equals(body.path("channel").asText(""))
                    || !hashesOk || GRANTS.remove(body.path("sad").asText()) == null) {
                send(x, 410, Map.of("code", "AUTHORIZATION_INVALID", "detail", "Otorisasi tanda tangan tidak dikenal."));
                return;
            }
        } else {
            CHANNELS.add(body.path("channel").asText(""));
            if (!PASSPHRASE.equals(body.path("passphrase").asText())) {
                send(x, 400, Map.of("code", "PASSPHRASE_WRONG", "detail", "Passphrase anda salah. Sisa percobaan: 4."));
                return;
            }
        }
        try {
            java.util.List<String> out = new java.util.ArrayList<>();
            java.util.List<String> tokens = new java.util.ArrayList<>();
            boolean secondSigner = SECOND.equals(body.path("nip").asText());
            boolean pss = "PSS".equals(body.path("signatureScheme").asText(""));
            for (JsonNode d : body.path("digests")) {
                byte[] value;
                if (pss) {
                    // RSASSA-PSS over the given hash: MGF1 with the same hash, salt = hash length, as certificate-service.
                    String hash = body.path("digestAlgorithm").asText();
                    byte[] digest = Base64.getDecoder().decode(d.asText());
                    Signature rsa = Signature.getInstance("RAWRSASSA-PSS", new org.bouncycastle.jce.provider.BouncyCastleProvider());
                    rsa.setParameter(new java.security.spec.PSSParameterSpec(hash, "MGF1", new java.security.spec.MGF1ParameterSpec(hash),
                            digest.length, 1));
                    rsa.initSign(secondSigner ? secondKeys.getPrivate() : leafKeys.getPrivate());
                    rsa.update(digest);
                    value = rsa.sign();
                } else {
                    DigestInfo info = new DigestInfo(pkcs1DigestAlgorithm(body.path("digestAlgorithm").asText()), Base64.getDecoder().decode(d.asText()));
                    Signature rsa = Signature.getInstance("NONEwithRSA");
                    rsa.initSign(secondSigner ? secondKeys.getPrivate() : leafKeys.getPrivate());
                    rsa.update(info.getEncoded());
                    value = rsa.sign();
                }
                out.add(Base64.getEncoder().encodeToString(value));
                if (HAND_EVIDENCE.get() && body.path("timestamps").asBoolean(false)) {
                    org.bouncycastle.tsp.TimeStampRequestGenerator requests = new org.bouncycastle.tsp.TimeStampRequestGenerator();
                    requests.setCertReq(true);
                    TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256,
                            java.security.MessageDigest.getInstance("SHA-256").digest(value));
                    tokens.add(Base64.getEncoder().encodeToString(tokens().generate(request, BigInteger.valueOf(System.nanoTime()), new Date())
                            .getEncoded()));
                }
            }
            X509Certificate signerCertificate = secondSigner ? second : leaf;
            Map<String, Object> answer = new java.util.HashMap<>(Map.of("signatures", out, "signatureAlgorithm", pss ? "RSASSA-PSS" : "SHA256withRSA",
                    "timestampTokens", tokens, "serialNumber", signerCertificate.getSerialNumber().toString(16).toUpperCase(),
                    "certificateChain", List.of(pem(signerCertificate), pem(root))));
            if (HAND_EVIDENCE.get() && body.path("ocsp").asBoolean(false)) {
                X509Certificate signer = secondSigner ? second : leaf;
                byte[] nonce = java.util.UUID.randomUUID().toString().getBytes();
                org.bouncycastle.cert.ocsp.OCSPReq request = new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(
                        new org.bouncycastle.cert.ocsp.CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                                .get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1), new X509CertificateHolder(root.getEncoded()),
                                signer.getSerialNumber())).setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(
                                new org.bouncycastle.asn1.x509.Extension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                                        false, new org.bouncycastle.asn1.DEROctetString(nonce)))).build();
                answer.put("ocspResponse", Base64.getEncoder().encodeToString(ocspResponse(request)));
            }
            send(x, 200, answer);
        } catch (Exception e) {
            send(x, 500, Map.of("code", "INTERNAL_ERROR"));
        }
    }

    /** What certificate-service accepts: 1-100 digests, each base64 of the algorithm's length. */
    private static boolean wellFormed(JsonNode body) {
        Map<String, Integer> lengths = Map.of("SHA-256", 32, "SHA-384", 48, "SHA-512", 64);
        Integer length = lengths.get(body.path("digestAlgorithm").asText(""));
        JsonNode digests = body.path("digests");
        if (length == null || !digests.isArray() || digests.isEmpty() || digests.size() > 100) {
            return false;
        }
        for (JsonNode d : digests) {
            try {
                if (Base64.getDecoder().decode(d.asText()).length != length) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    /** Open signature authorizations: SAD -> {nip, channel, bound hashes (comma-separated base64, or empty)}. */
    public static final Map<String, String[]> GRANTS = new java.util.concurrent.ConcurrentHashMap<>();
    /** When set, authorizations are granted but forgotten at once (as after a restart of certificate-service). */
    public static final java.util.concurrent.atomic.AtomicBoolean FORGET_GRANTS = new java.util.concurrent.atomic.AtomicBoolean();

    private void authorizations(HttpExchange x) throws IOException {
        if (!authorized(x)) {
            return;
        }
        if ("DELETE".equals(x.getRequestMethod())) {
            GRANTS.remove(x.getRequestURI().getPath().substring("/internal/v1/authorizations/".length()));
            x.sendResponseHeaders(204, -1);
            x.close();
            return;
        }
        JsonNode body = json.readTree(x.getRequestBody().readAllBytes());
        CHANNELS.add(body.path("channel").asText(""));
        if (!PASSPHRASE.equals(body.path("passphrase").asText())) {
            send(x, 400, Map.of("code", "PASSPHRASE_WRONG", "detail", "Passphrase anda salah. Sisa percobaan: 4."));
            return;
        }
        String sad = java.util.UUID.randomUUID().toString();
        if (!FORGET_GRANTS.get()) {
            java.util.List<String> hashes = new java.util.ArrayList<>();
            body.path("hashes").forEach(h -> hashes.add(h.asText()));
            GRANTS.put(sad, new String[] {body.path("nip").asText(), body.path("channel").asText(""), String.join(",", hashes)});
        }
        X509Certificate signer = SECOND.equals(body.path("nip").asText()) ? second : leaf;
        send(x, 200, Map.of("sad", sad, "expiresAt", java.time.Instant.now().plusSeconds(30).toString(),
                "serialNumber", signer.getSerialNumber().toString(16).toUpperCase()));
    }

    /**
     * Signing approvals as certificate-service keeps them, without the mail and the page: a request gets the code
     * {@link #APPROVAL_CODE}; {@link #APPROVED} says whether the signer approved; redeeming an approved code grants a SAD
     * for the request's signatures on its channel.
     */
    public static final String APPROVAL_CODE = "424242";
    public static final java.util.concurrent.atomic.AtomicBoolean APPROVED = new java.util.concurrent.atomic.AtomicBoolean();
    /** The requests made: "nip channel clientName signatures". */
    public static final java.util.List<String> APPROVAL_REQUESTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void approvals(HttpExchange x) throws IOException {
        if (!authorized(x)) {
            return;
        }
        JsonNode body = json.readTree(x.getRequestBody().readAllBytes());
        String nip = body.path("nip").asText();
        if (x.getRequestURI().getPath().endsWith("/redeem")) {
            if (!APPROVAL_CODE.equals(body.path("code").asText())) {
                send(x, 400, Map.of("code", "CODE_WRONG", "detail", "Kode TOTP salah atau sudah tidak berlaku."));
                return;
            }
            if (!APPROVED.get()) {
                send(x, 409, Map.of("code", "APPROVAL_PENDING", "detail", "Penanda tangan belum menyetujui permintaan ini."));
                return;
            }
            String sad = java.util.UUID.randomUUID().toString();
            GRANTS.put(sad, new String[] {nip, body.path("channel").asText(""), ""});
            X509Certificate signer = SECOND.equals(nip) ? second : leaf;
            send(x, 200, Map.of("sad", sad, "expiresAt", java.time.Instant.now().plusSeconds(300).toString(),
                    "serialNumber", signer.getSerialNumber().toString(16).toUpperCase()));
            return;
        }
        APPROVAL_REQUESTS.add(nip + " " + body.path("channel").asText("") + " " + body.path("clientName").asText("") + " "
                + body.path("signatures").asInt());
        send(x, 200, Map.of("expiresAt", java.time.Instant.now().plusSeconds(600).toString()));
    }

    private TimeStampTokenGenerator tokens() throws Exception {
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKeys.getPrivate(), tsa),
                new JcaDigestCalculatorProviderBuilder().build().get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)), new ASN1ObjectIdentifier("2.25.1.2"));
        tokens.addCertificates(new JcaCertStore(List.of(tsa, root)));
        return tokens;
    }

    private void timestamp(HttpExchange x) throws IOException {
        TSA_CALLS.incrementAndGet();
        try {
            byte[] reply = new TimeStampResponseGenerator(tokens(), TSPAlgorithms.ALLOWED)
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

    /** RFC 6960 answers signed by the root itself: good for every certificate asked about. */
    private void ocsp(HttpExchange x) throws IOException {
        OCSP_CALLS.incrementAndGet();
        try {
            byte[] reply = ocspResponse(new org.bouncycastle.cert.ocsp.OCSPReq(x.getRequestBody().readAllBytes()));
            x.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            x.sendResponseHeaders(200, reply.length);
            x.getResponseBody().write(reply);
        } catch (Exception e) {
            x.sendResponseHeaders(400, -1);
        }
        x.close();
    }

    private byte[] ocspResponse(org.bouncycastle.cert.ocsp.OCSPReq request) throws Exception {
        {
            org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder builder = new org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder(
                    rootKeys.getPublic(), new JcaDigestCalculatorProviderBuilder().build().get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1));
            Date now = new Date();
            for (org.bouncycastle.cert.ocsp.Req r : request.getRequestList()) {
                builder.addResponse(r.getCertID(), org.bouncycastle.cert.ocsp.CertificateStatus.GOOD, now,
                        new Date(now.getTime() + 3_600_000L), null);
            }
            org.bouncycastle.asn1.x509.Extension nonce = request.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce));
            }
            org.bouncycastle.cert.ocsp.BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate()),
                    new X509CertificateHolder[]{new X509CertificateHolder(root.getEncoded())}, now);
            return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        }
    }

    /** An empty CRL signed by the root. */
    private void crl(HttpExchange x) throws IOException {
        try {
            Date now = new Date();
            org.bouncycastle.cert.X509v2CRLBuilder builder = new org.bouncycastle.cert.X509v2CRLBuilder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), now);
            builder.setNextUpdate(new Date(now.getTime() + 86_400_000L));
            byte[] crl = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate())).getEncoded();
            x.getResponseHeaders().add("Content-Type", "application/pkix-crl");
            x.sendResponseHeaders(200, crl.length);
            x.getResponseBody().write(crl);
        } catch (Exception e) {
            x.sendResponseHeaders(500, -1);
        }
        x.close();
    }

    /** registration-service's signer lookup for the two known signers and the suspended one. */
    private void signers(HttpExchange x) throws IOException {
        if (!authorized(x)) {
            return;
        }
        String query = x.getRequestURI().getRawQuery() == null ? "" : java.net.URLDecoder.decode(x.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        List<Map<String, String>> known = List.of(
                Map.of("nip", SIGNER, "nik", SIGNER_NIK, "nama", "Budi Santoso", "jabatan", "Pranata Komputer Ahli Muda",
                        "unitOrganisasi", SIGNER_UNIT, "emailDinas", SIGNER_EMAIL, "status", "ISSUE"),
                Map.of("nip", SECOND, "nik", SECOND_NIK, "nama", "Dewi Lestari", "jabatan", "Guru Ahli Pertama",
                        "unitOrganisasi", "Dinas Pendidikan", "emailDinas", "dewi.lestari@ponorogo.go.id", "status", "ISSUE"),
                Map.of("nip", SUSPENDED, "nik", "3502106207900002", "nama", "Siti Rahayu", "jabatan", "Analis Kepegawaian Ahli Pertama",
                        "emailDinas", "siti.rahayu@ponorogo.go.id", "status", "SUSPEND"),
                Map.of("nip", "199304182023031007", "nik", "3502071804930007", "nama", "Andi Wijaya", "jabatan", "Penata Kelola",
                        "emailDinas", "andi.wijaya@ponorogo.go.id", "status", "WAITING_FOR_VERIFICATION"));
        String[] kv = query.split("=", 2);
        if (kv.length != 2 || query.contains("&")) {
            send(x, 400, Map.of("code", "MALFORMED_REQUEST", "detail", "one of nip, nik, email"));
            return;
        }
        if (kv[0].equals("nik") && !kv[1].matches("\\d{16}")) {
            send(x, 400, Map.of("code", "NIK_INVALID", "detail", "NIK harus 16 digit."));
            return;
        }
        if (kv[0].equals("email") && kv[1].equalsIgnoreCase(AMBIGUOUS_EMAIL)) {
            // What registration-service answers when an address names two registrations.
            send(x, 409, Map.of("code", "SIGNER_AMBIGUOUS", "detail", "Email ini dipakai lebih dari satu pendaftar."));
            return;
        }
        for (Map<String, String> s : known) {
            String value = kv[0].equals("email") ? s.get("emailDinas") : s.get(kv[0]);
            if (value != null && value.equalsIgnoreCase(kv[1])) {
                send(x, 200, s);
                return;
            }
        }
        send(x, 404, Map.of("code", "SIGNER_NOT_FOUND", "detail", "User tidak terdaftar"));
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

    private X509Certificate cert(String subject, String issuer, KeyPair subjectKeys, KeyPair issuerKeys, boolean ca,
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
        if (!ca) {
            builder.addExtension(Extension.cRLDistributionPoints, false, new org.bouncycastle.asn1.x509.CRLDistPoint(
                    new org.bouncycastle.asn1.x509.DistributionPoint[]{new org.bouncycastle.asn1.x509.DistributionPoint(
                            new org.bouncycastle.asn1.x509.DistributionPointName(new org.bouncycastle.asn1.x509.GeneralNames(
                                    new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier,
                                            base + "/pki/crl"))), null, null)}));
        }
        if (!ca && eku == null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
                    org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp, new org.bouncycastle.asn1.x509.GeneralName(
                    org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier, base + "/pki/ocsp")));
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
