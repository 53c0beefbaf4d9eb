package id.teken.certificate.adapter.out.ca;

import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The CA hierarchy's key store: creates the root and issuing CA once, re-issues the issuing certificate for the same key,
 * makes and renews the OCSP-responder and TSA identities, and writes the store atomically, readable by its owner only.
 */
final class CaKeyStore {

    private static final Logger LOG = Logger.getLogger(CaKeyStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaKeyStore() {
    }

    static void create(Path keyStore, char[] password, String tenant, int bits, String publicUrl)
            throws GeneralSecurityException, IOException {
        LOG.infof("Creating the CA hierarchy for %s", tenant);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        KeyPair rootKeys = generator.generateKeyPair();
        KeyPair issuingKeys = generator.generateKeyPair();
        X500Name rootName = name("Teken Root CA " + tenant, tenant);
        X500Name issuingName = name("Teken Issuing CA " + tenant, tenant);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(rootName, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(20 * 365, ChronoUnit.DAYS)), rootName, rootKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(rootKeys.getPublic()));
        X509Certificate rootCert = sign(rootBuilder, rootKeys.getPrivate());
        X509Certificate issuingCert = issuingCertificate(rootCert, rootKeys.getPrivate(), issuingName, issuingKeys.getPublic(),
                now.minusSeconds(60), now.plus(10 * 365, ChronoUnit.DAYS), publicUrl);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, password);
        ks.setKeyEntry("root", rootKeys.getPrivate(), password, new X509Certificate[] {rootCert});
        ks.setKeyEntry("issuing", issuingKeys.getPrivate(), password, new X509Certificate[] {issuingCert, rootCert});
        store(ks, keyStore, password);
    }

    /**
     * Opens (and on the first start creates) the key-store file: root, issuing CA, and the OCSP and TSA identities it makes
     * or renews; an issuing certificate from before the root CRL existed is re-issued for the same key.
     */
    static CaKeys load(Path keyStore, char[] password, String tenantName, int caKeyBits, String publicUrl) {
        try {
            if (!Files.exists(keyStore)) {
                create(keyStore, password, tenantName, caKeyBits, publicUrl);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (java.io.InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, password);
            }
            X509Certificate root = (X509Certificate) ks.getCertificate("root");
            PrivateKey rootKey = (PrivateKey) ks.getKey("root", password);
            PrivateKey issuingKey = (PrivateKey) ks.getKey("issuing", password);
            X509Certificate issuing = (X509Certificate) ks.getCertificate("issuing");
            if (root == null || issuing == null || issuingKey == null || rootKey == null) {
                throw new IllegalStateException("CA key store " + keyStore + " must hold the keys 'root' and 'issuing'");
            }
            boolean changed = false;
            if (issuing.getExtensionValue(Extension.cRLDistributionPoints.getId()) == null) {
                // An issuing CA from before its status was published: the same key gets a certificate that says where
                // the root's CRL is, so a relying party that trusts only the root can check it. The old one is kept.
                X509Certificate renewed = reissueIssuing(issuing, root, rootKey, publicUrl);
                ks.setCertificateEntry("issuing-previous-" + issuing.getSerialNumber().toString(16), issuing);
                ks.setKeyEntry("issuing", issuingKey, password, new X509Certificate[] {renewed, root});
                issuing = renewed;
                changed = true;
                LOG.infof("Issuing CA certificate re-issued for the same key with the root CRL's address (serial %s)",
                        renewed.getSerialNumber().toString(16));
            }
            List<X509Certificate> previous = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (alias.startsWith("issuing-previous-")) {
                    previous.add((X509Certificate) ks.getCertificate(alias));
                }
            }
            changed |= ensureServiceIdentity(ks, "ocsp", password, tenantName, issuing, issuingKey, root, publicUrl, null);
            changed |= ensureServiceIdentity(ks, "tsa", password, tenantName, issuing, issuingKey, root, publicUrl, null);
            if (changed) {
                store(ks, keyStore, password);
            }
            return new CaKeys(root, Optional.of(rootKey), issuing, issuingKey, List.copyOf(previous),
                    new CaKeys.SigningIdentity((PrivateKey) ks.getKey("ocsp", password), (X509Certificate) ks.getCertificate("ocsp"), issuing),
                    new CaKeys.SigningIdentity((PrivateKey) ks.getKey("tsa", password), (X509Certificate) ks.getCertificate("tsa"), issuing),
                    null);
        } catch (IOException e) {
            throw new IllegalStateException("CA key store " + keyStore + " cannot be read (wrong secret?)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CA key store " + keyStore + " is not usable: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The issuing CA's certificate, signed by the root: CA with path length 0, and where a relying party finds the root's
     * CRL (its status) and the root certificate (AIA caIssuers).
     */
    static X509Certificate issuingCertificate(X509Certificate rootCert, PrivateKey rootKey, X500Name subject, PublicKey key,
                                                      Instant notBefore, Instant notAfter, String publicUrl)
            throws GeneralSecurityException, IOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(rootCert, serial(), Date.from(notBefore),
                Date.from(notAfter), subject, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(rootCert))
                .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, publicUrl + "/pki/crl/root"))), null, null)}))
                .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                        new AccessDescription(AccessDescription.id_ad_caIssuers,
                                new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(publicUrl + "/pki/ca/root.crt")))}));
        return sign(builder, rootKey);
    }

    /** The same issuing key and name, a new certificate with the root CRL's address; its validity is kept. */
    static X509Certificate reissueIssuing(X509Certificate old, X509Certificate rootCert, PrivateKey rootKey, String publicUrl)
            throws GeneralSecurityException, IOException {
        return issuingCertificate(rootCert, rootKey, X500Name.getInstance(old.getSubjectX500Principal().getEncoded()),
                old.getPublicKey(), Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60), old.getNotAfter().toInstant(), publicUrl);
    }

    /** Writes the key store atomically, readable by the owner only. */
    static void store(KeyStore ks, Path keyStore, char[] password) throws GeneralSecurityException, IOException {
        Files.createDirectories(keyStore.toAbsolutePath().getParent());
        Path temp = keyStore.resolveSibling(keyStore.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            ks.store(out, password);
        }
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not POSIX
        }
        Files.move(temp, keyStore, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Makes (or renews, 30 days before it ends) the OCSP-responder or TSA certificate: its own RSA-2048 key,
     * issued by the issuing CA, with the extended key usage that its clients require.
     */
    static boolean ensureServiceIdentity(KeyStore ks, String alias, char[] password, String tenant, X509Certificate issuing,
                                         PrivateKey issuingKey, X509Certificate root, String publicUrl, java.security.Provider provider)
            throws GeneralSecurityException, IOException {
        X509Certificate existing = (X509Certificate) ks.getCertificate(alias);
        boolean isOcsp = alias.equals("ocsp");
        // A TSA certificate from before B-LT signing carried no CRL address; it is replaced so its status can be embedded.
        boolean tsaWithoutCrl = !isOcsp && existing != null && existing.getExtensionValue(Extension.cRLDistributionPoints.getId()) == null;
        if (existing != null && !tsaWithoutCrl && existing.getNotAfter().toInstant().isAfter(Instant.now().plus(30, ChronoUnit.DAYS))) {
            return false;
        }
        // In a token the key pair is made inside it (sensitive, never extractable) and stays there.
        KeyPairGenerator generator = provider == null ? KeyPairGenerator.getInstance("RSA") : KeyPairGenerator.getInstance("RSA", provider);
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X500Name subject = name((isOcsp ? "Teken OCSP Responder " : "Teken Time Stamping Authority ") + tenant, tenant);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuing, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(2 * 365, ChronoUnit.DAYS)), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(isOcsp ? KeyUsage.digitalSignature
                        : KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.extendedKeyUsage, true, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(isOcsp
                        ? org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_OCSPSigning : org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuing));
        if (isOcsp) {
            builder.addExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, org.bouncycastle.asn1.DERNull.INSTANCE);
        } else {
            // The TSA's status comes from the CRL (B-LT signatures embed it for the time-stamp certificate too).
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, publicUrl + "/pki/crl"))), null, null)}));
        }
        X509Certificate cert = sign(builder, issuingKey, provider);
        ks.setKeyEntry(alias, keys.getPrivate(), password, new X509Certificate[] {cert, issuing, root});
        LOG.infof("%s certificate issued: %s", isOcsp ? "OCSP responder" : "TSA", cert.getSubjectX500Principal().getName());
        return true;
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        return sign(builder, key, null);
    }

    /** Signs with {@code key} where it lives ({@code provider}: the token's, or null for the default providers). */
    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, java.security.Provider provider) throws GeneralSecurityException {
        ContentSigner signer = CaKeys.signer(key, provider);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    static X500Name name(String cn, String tenant) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "ID").addRDN(BCStyle.O, tenant).addRDN(BCStyle.CN, cn).build();
    }

    /** 127 random bits, positive: unique and unpredictable (CA/B Forum asks for 64+). */
    static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }
}
