package id.teken.certificate.adapter.out.ca;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

/**
 * The key ceremony ({@code teken ca ...}): the root is made and used on an offline machine, the issuing CA's key is made
 * inside the PKCS#11 token and never leaves it.
 * <pre>
 *   root          --dir OFFLINE [--bits 4096] [--years 20]        the root key and certificate (root.p12, root.crt) and its first CRL (root.crl)
 *   issuing-csr   --out issuing.csr [--bits 3072]                  the issuing key, made in the token; its certificate request
 *   sign-issuing  --dir OFFLINE --csr issuing.csr --out issuing.crt [--years 10]   the root signs the request (offline),
 *                 and a new root CRL (OFFLINE/root.crl): validators take no CRL older than the certificate it is about
 *   import-issuing --cert issuing.crt --root root.crt            the signed certificate goes beside its key in the token
 *   root-crl      --dir OFFLINE --out root.crl [--days 365]        a new root CRL (before the last one ends)
 *   status                                                         what the token holds (no secret is shown)
 * </pre>
 * The token: TEKEN_PKCS11_LIBRARY (default SoftHSM2's), TEKEN_PKCS11_SLOT_INDEX (0), TEKEN_PKCS11_PIN. The root key's
 * password: TEKEN_ROOT_PASSWORD. The tenant and public address in the certificates: TEKEN_TENANT_NAME, TEKEN_PUBLIC_URL.
 */
public final class CaCeremony {

    private final CeremonySettings settings;
    private final PrintStream out;

    public CaCeremony(Map<String, String> env, PrintStream out) {
        this.settings = new CeremonySettings(env);
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            new CaCeremony(System.getenv(), System.out).run(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("teken ca: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("teken ca: failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            System.exit(1);
        }
    }

    public void run(String... args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: teken ca root|issuing-csr|sign-issuing|import-issuing|root-crl|status [options]");
        }
        CeremonyIo.Options o = CeremonyIo.Options.parse(args);
        switch (args[0]) {
            case "root" -> root(o.path("dir"), o.number("bits", 4096), o.number("years", 20), o.number("crl-days", 365));
            case "issuing-csr" -> issuingCsr(o.path("out"), o.number("bits", 3072));
            case "sign-issuing" -> signIssuing(o.path("dir"), o.path("csr"), o.path("out"), o.number("years", 10));
            case "import-issuing" -> importIssuing(o.path("cert"), o.path("root"));
            case "root-crl" -> rootCrl(o.path("dir"), o.path("out"), o.number("days", 365));
            case "status" -> status();
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** The root: key and self-signed certificate into DIR/root.p12 (under TEKEN_ROOT_PASSWORD), DIR/root.crt, DIR/root.crl. */
    void root(Path dir, int bits, int years, int crlDays) throws Exception {
        Path store = dir.resolve("root.p12");
        if (Files.exists(store)) {
            throw new IllegalStateException(store + " exists already: a root is made once");
        }
        char[] password = settings.rootPassword();
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        KeyPair keys = generator.generateKeyPair();
        String tenant = settings.tenant();
        X500Name name = CaKeyStore.name("Teken Root CA " + tenant, tenant);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509Certificate root = CaKeyStore.sign(new JcaX509v3CertificateBuilder(name, CaKeyStore.serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(years * 365L, ChronoUnit.DAYS)), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(
                        org.bouncycastle.asn1.x509.KeyUsage.keyCertSign | org.bouncycastle.asn1.x509.KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic())), keys.getPrivate());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, password);
        ks.setKeyEntry("root", keys.getPrivate(), password, new X509Certificate[] {root});
        CaKeyStore.store(ks, store, password);
        Files.writeString(dir.resolve("root.crt"), CeremonyIo.pem(root));
        Files.writeString(dir.resolve("root-crl.number"), "0\n");
        rootCrl(dir, dir.resolve("root.crl"), crlDays);
        out.println("root made: " + root.getSubjectX500Principal().getName() + ", serial " + root.getSerialNumber().toString(16)
                + ", until " + root.getNotAfter().toInstant());
        out.println("  " + store + " (the key: keep it offline, back it up), " + dir.resolve("root.crt") + " (publish it), "
                + dir.resolve("root.crl"));
    }

    /** The issuing CA's key, made inside the token (once; a request not yet answered is asked again for the same key). */
    void issuingCsr(Path csrOut, int bits) throws Exception {
        Pkcs11Token token = settings.token();
        KeyStore ks = token.keyStore();
        Certificate[] chain = ks.getCertificateChain(Pkcs11Token.ISSUING);
        PrivateKey key = (PrivateKey) ks.getKey(Pkcs11Token.ISSUING, null);
        PublicKey publicKey;
        String tenant = settings.tenant();
        X500Name subject = CaKeyStore.name("Teken Issuing CA " + tenant, tenant);
        if (key != null && chain != null && !CeremonyIo.selfSigned((X509Certificate) chain[0])) {
            throw new IllegalStateException("the token holds an issuing CA already (" + ((X509Certificate) chain[0]).getSubjectX500Principal().getName()
                    + "); a new one needs a token of its own");
        }
        if (key == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", token.provider());
            generator.initialize(bits);
            KeyPair keys = generator.generateKeyPair();
            key = keys.getPrivate();
            publicKey = keys.getPublic();
            // A key shows in the token's key store only with a certificate beside it: a self-signed placeholder until the
            // root's certificate is imported.
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X509Certificate placeholder = CaKeyStore.sign(new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, Date.from(now),
                    Date.from(now.plus(30, ChronoUnit.DAYS)), subject, publicKey), key, token.provider());
            ks.setKeyEntry(Pkcs11Token.ISSUING, key, null, new X509Certificate[] {placeholder});
            out.println("issuing key made in the token (RSA " + bits + ", not extractable)");
        } else {
            publicKey = chain[0].getPublicKey();
            out.println("the token's issuing key awaits its certificate: asking again for the same key");
        }
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject, publicKey)
                .build(CaKeys.signer(key, token.provider()));
        Files.writeString(csrOut, CeremonyIo.pem("CERTIFICATE REQUEST", csr.getEncoded()));
        out.println("request: " + csrOut + " (take it to the offline root: teken ca sign-issuing)");
    }

    /** The offline root signs the issuing CA's request: CA, path length 0, the root CRL's and certificate's addresses. */
    void signIssuing(Path dir, Path csrFile, Path certOut, int years) throws Exception {
        KeyStore ks = rootStore(dir);
        char[] password = settings.rootPassword();
        PrivateKey rootKey = (PrivateKey) ks.getKey("root", password);
        X509Certificate root = (X509Certificate) ks.getCertificate("root");
        PKCS10CertificationRequest csr;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(csrFile)))) {
            Object read = parser.readObject();
            if (!(read instanceof PKCS10CertificationRequest request)) {
                throw new IllegalArgumentException(csrFile + " is not a PEM certificate request");
            }
            csr = request;
        }
        JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(csr);
        if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getPublicKey()))) {
            throw new IllegalArgumentException(csrFile + ": the request's signature is not valid");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = now.plus(years * 365L, ChronoUnit.DAYS);
        if (end.isAfter(root.getNotAfter().toInstant())) {
            end = root.getNotAfter().toInstant();
        }
        X509Certificate issuing = CaKeyStore.issuingCertificate(root, rootKey, csr.getSubject(), request.getPublicKey(),
                now.minusSeconds(60), end, settings.publicUrl());
        Files.writeString(certOut, CeremonyIo.pem(issuing));
        out.println("issuing CA certified: " + issuing.getSubjectX500Principal().getName() + ", serial " + issuing.getSerialNumber().toString(16)
                + ", until " + end + " -> " + certOut + " (teken ca import-issuing on the service's machine)");
        // Validators (EU DSS) take no CRL older than the certificate it speaks about: a new root CRL goes with the new CA.
        rootCrl(dir, dir.resolve("root.crl"), 365);
    }

    /** The root's certificate for the token's issuing key goes beside it, with the root (the chain the service serves). */
    void importIssuing(Path certFile, Path rootFile) throws Exception {
        X509Certificate issuing = CeremonyIo.readCertificate(certFile);
        X509Certificate root = CeremonyIo.readCertificate(rootFile);
        if (!CeremonyIo.selfSigned(root) || root.getBasicConstraints() < 0) {
            throw new IllegalArgumentException(rootFile + " is not a self-signed CA certificate");
        }
        try {
            issuing.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(certFile + " is not signed by " + root.getSubjectX500Principal().getName());
        }
        if (issuing.getBasicConstraints() < 0) {
            throw new IllegalArgumentException(certFile + " is not a CA certificate");
        }
        Pkcs11Token token = settings.token();
        KeyStore ks = token.keyStore();
        PrivateKey key = (PrivateKey) ks.getKey(Pkcs11Token.ISSUING, null);
        Certificate[] chain = ks.getCertificateChain(Pkcs11Token.ISSUING);
        if (key == null || chain == null) {
            throw new IllegalStateException("the token holds no issuing key: run teken ca issuing-csr first");
        }
        if (!chain[0].getPublicKey().equals(issuing.getPublicKey())) {
            throw new IllegalArgumentException(certFile + " certifies another key than the token's issuing key");
        }
        ks.setKeyEntry(Pkcs11Token.ISSUING, key, null, new X509Certificate[] {issuing, root});
        out.println("imported: " + issuing.getSubjectX500Principal().getName() + " (issued by " + root.getSubjectX500Principal().getName()
                + ") beside its key in the token");
    }

    /** A root CRL, signed offline: no CA certificate revoked, valid DAYS days; its number counts up in DIR/root-crl.number. */
    void rootCrl(Path dir, Path crlOut, int days) throws Exception {
        KeyStore ks = rootStore(dir);
        char[] password = settings.rootPassword();
        PrivateKey rootKey = (PrivateKey) ks.getKey("root", password);
        X509Certificate root = (X509Certificate) ks.getCertificate("root");
        Path counter = dir.resolve("root-crl.number");
        long number = (Files.exists(counter) ? Long.parseLong(Files.readString(counter).trim()) : 0) + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X509CertificateHolder(root.getEncoded()).getSubject(), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(days))));
        builder.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
        builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(number)));
        byte[] der = builder.build(CaKeys.signer(rootKey, null)).getEncoded();
        Files.write(crlOut, der);
        Files.writeString(counter, number + "\n");
        out.println("root CRL #" + number + " until " + now.plus(Duration.ofDays(days)) + " -> " + crlOut
                + " (the service serves it at /pki/crl/root: TEKEN_CA_ROOT_CRL)");
    }

    void status() throws Exception {
        Pkcs11Token token = settings.token();
        KeyStore ks = token.keyStore();
        for (String alias : token.aliases()) {
            String what;
            if (ks.isKeyEntry(alias) && ks.getCertificate(alias) == null) {
                what = "secret key (never extractable)";
            } else if (ks.isKeyEntry(alias)) {
                X509Certificate c = (X509Certificate) ks.getCertificate(alias);
                what = "private key, " + c.getSubjectX500Principal().getName() + (CeremonyIo.selfSigned(c) && Pkcs11Token.ISSUING.equals(alias)
                        ? " (awaiting the root's certificate)" : ", until " + c.getNotAfter().toInstant());
            } else {
                what = "certificate " + ((X509Certificate) ks.getCertificate(alias)).getSubjectX500Principal().getName();
            }
            out.println(alias + ": " + what);
        }
    }

    private KeyStore rootStore(Path dir) throws Exception {
        Path store = dir.resolve("root.p12");
        if (!Files.exists(store)) {
            throw new IllegalArgumentException(store + " not found: make the root first (teken ca root --dir " + dir + ")");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, settings.rootPassword());
        } catch (IOException e) {
            throw new IllegalArgumentException(store + " cannot be opened (wrong TEKEN_ROOT_PASSWORD?)");
        }
        return ks;
    }
}
