package id.teken.certificate.adapter.out.ca;

import id.teken.certificate.application.port.out.CertificateAuthority;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.SubscriberIdentity;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The CA hierarchy with Bouncy Castle: a root and an issuing CA named after the tenant, created once into a
 * PKCS#12 key store outside the database (protected by a secret from configuration) or imported from one,
 * and loaded on every later start. The issuing CA signs subscriber certificates (section 6 of the
 * architecture: digitalSignature + nonRepudiation, CRL distribution point, OCSP and caIssuers, policy) and CRLs.
 */
public class BouncyCastleCertificateAuthority implements CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(BouncyCastleCertificateAuthority.class);

    private final X509Certificate root;
    private final PrivateKey rootKey;
    private final X509Certificate issuing;
    private final PrivateKey issuingKey;
    /** Issuing-CA certificates this one replaced (same key; documents signed earlier embed them). */
    private final List<X509Certificate> previousIssuing;
    private final String publicUrl;
    private final ASN1ObjectIdentifier policy;
    private final SigningIdentity ocsp;
    private final SigningIdentity tsa;

    /** A service key with its certificate chain (OCSP responder, TSA), issued by the issuing CA. */
    public record SigningIdentity(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {
    }

    public BouncyCastleCertificateAuthority(Path keyStore, char[] password, String tenantName, String publicUrl,
                                            String policyOid, int caKeyBits) {
        this.publicUrl = publicUrl;
        this.policy = new ASN1ObjectIdentifier(policyOid);
        try {
            if (!Files.exists(keyStore)) {
                CaKeyStore.create(keyStore, password, tenantName, caKeyBits, publicUrl);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, password);
            }
            root = (X509Certificate) ks.getCertificate("root");
            rootKey = (PrivateKey) ks.getKey("root", password);
            issuingKey = (PrivateKey) ks.getKey("issuing", password);
            X509Certificate loaded = (X509Certificate) ks.getCertificate("issuing");
            if (root == null || loaded == null || issuingKey == null || rootKey == null) {
                throw new IllegalStateException("CA key store " + keyStore + " must hold the keys 'root' and 'issuing'");
            }
            boolean changed = false;
            if (loaded.getExtensionValue(Extension.cRLDistributionPoints.getId()) == null) {
                // An issuing CA from before its status was published: the same key gets a certificate that says where
                // the root's CRL is, so a relying party that trusts only the root can check it. The old one is kept.
                X509Certificate renewed = CaKeyStore.reissueIssuing(loaded, root, rootKey, publicUrl);
                ks.setCertificateEntry("issuing-previous-" + loaded.getSerialNumber().toString(16), loaded);
                ks.setKeyEntry("issuing", issuingKey, password, new X509Certificate[] {renewed, root});
                loaded = renewed;
                changed = true;
                LOG.infof("Issuing CA certificate re-issued for the same key with the root CRL's address (serial %s)",
                        renewed.getSerialNumber().toString(16));
            }
            issuing = loaded;
            List<X509Certificate> previous = new java.util.ArrayList<>();
            for (String alias : java.util.Collections.list(ks.aliases())) {
                if (alias.startsWith("issuing-previous-")) {
                    previous.add((X509Certificate) ks.getCertificate(alias));
                }
            }
            previousIssuing = List.copyOf(previous);
            changed |= CaKeyStore.ensureServiceIdentity(ks, "ocsp", password, tenantName, issuing, issuingKey, root, publicUrl);
            changed |= CaKeyStore.ensureServiceIdentity(ks, "tsa", password, tenantName, issuing, issuingKey, root, publicUrl);
            if (changed) {
                CaKeyStore.store(ks, keyStore, password);
            }
            ocsp = new SigningIdentity((PrivateKey) ks.getKey("ocsp", password), (X509Certificate) ks.getCertificate("ocsp"), issuing);
            tsa = new SigningIdentity((PrivateKey) ks.getKey("tsa", password), (X509Certificate) ks.getCertificate("tsa"), issuing);
            LOG.infof("CA loaded: %s (issued by %s)", issuing.getSubjectX500Principal().getName(), root.getSubjectX500Principal().getName());
        } catch (IOException e) {
            throw new IllegalStateException("CA key store " + keyStore + " cannot be read (wrong secret?)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CA key store " + keyStore + " is not usable: " + e.getClass().getSimpleName());
        }
    }

    public SigningIdentity ocspIdentity() {
        return ocsp;
    }

    public SigningIdentity tsaIdentity() {
        return tsa;
    }

    public X509Certificate issuingCertificate() {
        return issuing;
    }

    @Override
    public IssuedCertificate issue(SubscriberIdentity s, byte[] publicKeyDer, Instant notBefore, Instant notAfter) {
        try {
            X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "ID");
            if (s.provinsi() != null && !s.provinsi().isBlank()) {
                subject.addRDN(BCStyle.ST, s.provinsi());
            }
            subject.addRDN(BCStyle.O, s.instansi());
            if (s.unitOrganisasi() != null && !s.unitOrganisasi().isBlank()) {
                subject.addRDN(BCStyle.OU, truncate(s.unitOrganisasi(), 64));
            }
            subject.addRDN(BCStyle.CN, truncate(s.nama(), 64));
            subject.addRDN(BCStyle.EmailAddress, s.emailDinas());
            X500Name subjectName = subject.build();
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKeyDer);
            PublicKey publicKey = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter().getPublicKey(spki);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            BigInteger serial = CaKeyStore.serial();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuing, serial, Date.from(notBefore.minusSeconds(60)),
                    Date.from(notAfter), subjectName, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(spki))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuing))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.rfc822Name, s.emailDinas())))
                    .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                            new DistributionPoint(new DistributionPointName(new GeneralNames(
                                    new GeneralName(GeneralName.uniformResourceIdentifier, publicUrl + "/pki/crl"))), null, null)}))
                    .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                            new AccessDescription(AccessDescription.id_ad_ocsp,
                                    new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(publicUrl + "/pki/ocsp"))),
                            new AccessDescription(AccessDescription.id_ad_caIssuers,
                                    new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(publicUrl + "/pki/ca/issuing.crt")))}))
                    .addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(policy)));
            X509Certificate cert = CaKeyStore.sign(builder, issuingKey);
            return new IssuedCertificate(serial.toString(16).toUpperCase(), subjectName.toString(), pem(cert.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("certificate issuance failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public byte[] signCrl(List<Credential> revoked, Instant thisUpdate, Instant nextUpdate, long crlNumber) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(new X509CertificateHolder(issuing.getEncoded()).getSubject(),
                    Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (Credential c : revoked) {
                builder.addCRLEntry(new BigInteger(c.serialNumber(), 16), Date.from(c.revokedAt()),
                        c.revocationReason() == null ? 0 : c.revocationReason().code());
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuingKey);
            return builder.build(signer).getEncoded();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("CRL signing failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The root's CRL (an authority revocation list): the CA certificates the root has revoked (none so far; an issuing CA
     * is retired by a new CA, not by revocation), so that "is the issuing CA still good?" has a signed answer.
     */
    @Override
    public byte[] signRootCrl(Instant thisUpdate, Instant nextUpdate, long crlNumber) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(new X509CertificateHolder(root.getEncoded()).getSubject(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKey)).getEncoded();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("root CRL signing failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public byte[] rootCertificateDer() {
        try {
            return root.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String previousIssuingPem() {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : previousIssuing) {
            try {
                out.append(pem(c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    @Override
    public String chainPem() {
        try {
            return pem(issuing.getEncoded()) + pem(root.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] issuingCertificateDer() {
        try {
            return issuing.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    static {
        if (java.security.Security.getProvider("BC") == null) {
            java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        }
    }
}
