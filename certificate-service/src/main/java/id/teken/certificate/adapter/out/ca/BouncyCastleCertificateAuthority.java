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
import java.util.Optional;

/**
 * The CA hierarchy with Bouncy Castle: a root and an issuing CA named after the tenant, created once into a
 * PKCS#12 key store outside the database (protected by a secret from configuration) or imported from one,
 * and loaded on every later start. The issuing CA signs subscriber certificates (section 6 of the
 * architecture: digitalSignature + nonRepudiation, CRL distribution point, OCSP and caIssuers, policy) and CRLs.
 */
public class BouncyCastleCertificateAuthority implements CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(BouncyCastleCertificateAuthority.class);

    private final CaKeys keys;
    private final X509Certificate root;
    private final X509Certificate issuing;
    private final PrivateKey issuingKey;
    private final String publicUrl;
    private final ASN1ObjectIdentifier policy;
    /** With the root offline: the root's CRL its key ceremony signed (served as it is); null when the root key is here. */
    private final Path publishedRootCrl;

    /** The key-store file (created on the first start): root, issuing CA, OCSP and TSA keys in one PKCS#12. */
    public BouncyCastleCertificateAuthority(Path keyStore, char[] password, String tenantName, String publicUrl,
                                            String policyOid, int caKeyBits) {
        this(CaKeyStore.load(keyStore, password, tenantName, caKeyBits, publicUrl), publicUrl, policyOid, null);
    }

    /**
     * Keys from anywhere ({@link CaKeyStore}, {@link Pkcs11Token}). Without the root's key, {@code publishedRootCrl} is the
     * root CRL that the key ceremony signed ({@code teken ca root-crl}).
     */
    public BouncyCastleCertificateAuthority(CaKeys keys, String publicUrl, String policyOid, Path publishedRootCrl) {
        if (keys.rootKey().isEmpty() && publishedRootCrl == null) {
            throw new IllegalStateException("the root is offline: teken.ca.root-crl-file must name the root CRL its ceremony signed");
        }
        this.keys = keys;
        this.root = keys.root();
        this.issuing = keys.issuing();
        this.issuingKey = keys.issuingKey();
        this.publicUrl = publicUrl;
        this.policy = new ASN1ObjectIdentifier(policyOid);
        this.publishedRootCrl = keys.rootKey().isPresent() ? null : publishedRootCrl;
        LOG.infof("CA loaded: %s (issued by %s)%s", issuing.getSubjectX500Principal().getName(), root.getSubjectX500Principal().getName(),
                keys.provider() == null ? "" : ", keys in the PKCS#11 token, root offline");
    }

    public CaKeys.SigningIdentity ocspIdentity() {
        return keys.ocsp();
    }

    public CaKeys.SigningIdentity tsaIdentity() {
        return keys.tsa();
    }

    /** Where the CA's keys compute (the token's provider), or null for the default providers. */
    public java.security.Provider keyProvider() {
        return keys.provider();
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
            X509Certificate cert = CaKeyStore.sign(builder, issuingKey, keys.provider());
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
            return builder.build(keys.signer(issuingKey)).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("CRL signing failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The root's CRL (an authority revocation list): the CA certificates the root has revoked (none so far; an issuing CA
     * is retired by a new CA, not by revocation), so that "is the issuing CA still good?" has a signed answer.
     */
    @Override
    public byte[] signRootCrl(Instant thisUpdate, Instant nextUpdate, long crlNumber) {
        PrivateKey rootKey = keys.rootKey().orElseThrow(() -> new IllegalStateException("the root is offline"));
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(new X509CertificateHolder(root.getEncoded()).getSubject(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            return builder.build(CaKeys.signer(rootKey, null)).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("root CRL signing failed: " + e.getClass().getSimpleName());
        }
    }

    /** The root CRL of an offline root, read from its file on each call (the operator replaces it before it expires). */
    @Override
    public Optional<byte[]> publishedRootCrl() {
        if (publishedRootCrl == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(publishedRootCrl));
        } catch (IOException e) {
            throw new IllegalStateException("the root CRL " + publishedRootCrl + " cannot be read");
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
        for (X509Certificate c : keys.previousIssuing()) {
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
