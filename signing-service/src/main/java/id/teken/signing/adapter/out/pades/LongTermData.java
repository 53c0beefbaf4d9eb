package id.teken.signing.adapter.out.pades;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validation data a B-LT signature carries in the PDF's DSS dictionary: every certificate of the signer's chain, of
 * the time stamp's and of the OCSP responder's; the signer's OCSP response (the one certificate-service made right after
 * the time stamp, else asked for now); a CRL for every other certificate that is not a trust anchor (the CAs and the
 * TSA), from its distribution point. CRLs ({@link TekenPki}) and OCSP answers about CA-side certificates (here) are kept
 * until their next update, for minutes at most, so that a signature does not wait for them; all fetching goes through
 * {@link TekenPki}'s allowed addresses.
 */
final class LongTermData {

    private static final Logger LOG = Logger.getLogger(LongTermData.class);
    private static final ASN1ObjectIdentifier SIGNATURE_TIME_STAMP = PKCSObjectIdentifiers.id_aa_signatureTimeStampToken;
    private static final String OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";
    static final Duration MAX_CACHED = Duration.ofMinutes(10);

    /** What goes into /DSS: DER of certificates, OCSP responses and CRLs. */
    record Material(List<byte[]> certificates, List<byte[]> ocsps, List<byte[]> crls) {
    }

    private record Cached(byte[] der, Instant until) {
    }

    private final TekenPki pki;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LongTermData(TekenPki pki) {
        this.pki = pki;
    }

    Material collect(List<CertificateToken> chain, byte[] cms, byte[] signerOcsp) {
        try {
            Map<String, X509CertificateHolder> certificates = new LinkedHashMap<>();
            for (CertificateToken c : chain) {
                add(certificates, new X509CertificateHolder(c.getEncoded()));
            }
            X509CertificateHolder leaf = new X509CertificateHolder(chain.get(0).getEncoded());
            for (X509CertificateHolder c : timestampCertificates(cms)) {
                add(certificates, c);
            }
            List<byte[]> ocsps = new ArrayList<>();
            byte[] leafOcsp = signerOcsp != null ? signerOcsp : askOcsp(leaf, issuerOf(leaf, certificates), false);
            List<String> noCheck = new ArrayList<>();
            if (leafOcsp != null) {
                ocsps.add(leafOcsp);
                for (X509CertificateHolder responder : responderCertificates(leafOcsp)) {
                    add(certificates, responder);
                    if (responder.getExtension(new ASN1ObjectIdentifier(OCSP_NO_CHECK)) != null) {
                        noCheck.add(key(responder));
                    }
                }
            }
            Map<String, byte[]> crls = new LinkedHashMap<>();
            for (X509CertificateHolder c : List.copyOf(certificates.values())) {
                boolean selfSigned = c.getSubject().equals(c.getIssuer());
                if (selfSigned || noCheck.contains(key(c)) || (c.equals(leaf) && leafOcsp != null)) {
                    continue;
                }
                List<String> crlUrls = crlUrls(c);
                if (!crlUrls.isEmpty()) {
                    crls.computeIfAbsent(crlUrls.get(0), pki::get);   // TekenPki keeps CRLs until their next update
                    continue;
                }
                byte[] ocsp = askOcsp(c, issuerOf(c, certificates), true);
                if (ocsp != null) {
                    ocsps.add(ocsp);
                } else {
                    LOG.debugf("No revocation source for %s", c.getSubject());
                }
            }
            List<byte[]> certs = new ArrayList<>();
            for (X509CertificateHolder c : certificates.values()) {
                certs.add(c.getEncoded());
            }
            return new Material(certs, ocsps, new ArrayList<>(crls.values()));
        } catch (DSSExternalResourceException e) {
            throw new eu.europa.esig.dss.model.DSSException("validation data not reachable", e);
        } catch (Exception e) {
            if (e instanceof RuntimeException r && r instanceof eu.europa.esig.dss.model.DSSException) {
                throw r;
            }
            throw new eu.europa.esig.dss.model.DSSException("validation data not readable", e);
        }
    }

    /** The certificates inside the signature time stamp of the CMS (the TSA's and its issuer's). */
    private static List<X509CertificateHolder> timestampCertificates(byte[] cms) throws Exception {
        SignerInformation signer = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
        if (signer.getUnsignedAttributes() == null) {
            return List.of();
        }
        Attribute attribute = signer.getUnsignedAttributes().get(SIGNATURE_TIME_STAMP);
        if (attribute == null) {
            return List.of();
        }
        CMSSignedData token = new CMSSignedData(attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded());
        return new ArrayList<>(token.getCertificates().getMatches(null));
    }

    private static List<X509CertificateHolder> responderCertificates(byte[] ocspResponse) throws Exception {
        Object basic = new OCSPResp(ocspResponse).getResponseObject();
        return basic instanceof BasicOCSPResp b ? List.of(b.getCerts()) : List.of();
    }

    private static X509CertificateHolder issuerOf(X509CertificateHolder c, Map<String, X509CertificateHolder> known) {
        return known.values().stream().filter(i -> i.getSubject().equals(c.getIssuer())).findFirst().orElse(null);
    }

    /** An OCSP answer for the certificate from its AIA responder; cached (until next update) only for CA-side certificates. */
    private byte[] askOcsp(X509CertificateHolder c, X509CertificateHolder issuer, boolean cacheable) throws Exception {
        List<String> urls = ocspUrls(c);
        if (urls.isEmpty() || issuer == null) {
            return null;
        }
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), issuer,
                c.getSerialNumber());
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
        if (!cacheable) {
            // The signer's answer is new for every signature (see certificate-service's sign-hash OCSP).
            byte[] nonce = new byte[16];
            new java.security.SecureRandom().nextBytes(nonce);
            builder.setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(new Extension(
                    org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new org.bouncycastle.asn1.DEROctetString(nonce))));
        }
        byte[] request = builder.build().getEncoded();
        String url = urls.get(0);
        if (!cacheable) {
            return pki.postOcsp(url, request);
        }
        return cached("ocsp " + url + " " + c.getSerialNumber().toString(16), () -> pki.postOcsp(url, request), LongTermData::ocspNextUpdate);
    }

    interface Fetch {
        byte[] get() throws Exception;
    }

    interface NextUpdate {
        Instant of(byte[] der) throws Exception;
    }

    private byte[] cached(String key, Fetch fetch, NextUpdate nextUpdate) {
        Instant now = Instant.now();
        Cached hit = cache.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.der();
        }
        try {
            byte[] der = fetch.get();
            Instant next = nextUpdate.of(der);
            Instant until = next == null ? now.plus(Duration.ofMinutes(1)) : next.isBefore(now.plus(MAX_CACHED)) ? next : now.plus(MAX_CACHED);
            if (cache.size() > 1000) {
                cache.clear();
            }
            cache.put(key, new Cached(der, until));
            return der;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DSSExternalResourceException("not readable: " + key);
        }
    }

    private static Instant ocspNextUpdate(byte[] der) throws Exception {
        Object basic = new OCSPResp(der).getResponseObject();
        if (basic instanceof BasicOCSPResp b && b.getResponses().length > 0 && b.getResponses()[0].getNextUpdate() != null) {
            return b.getResponses()[0].getNextUpdate().toInstant();
        }
        return null;
    }

    static List<String> crlUrls(X509CertificateHolder c) {
        List<String> out = new ArrayList<>();
        Extension ext = c.getExtension(Extension.cRLDistributionPoints);
        if (ext == null) {
            return out;
        }
        for (DistributionPoint point : CRLDistPoint.getInstance(ext.getParsedValue()).getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName g : org.bouncycastle.asn1.x509.GeneralNames.getInstance(name.getName()).getNames()) {
                    if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        out.add(ASN1IA5String.getInstance(g.getName()).getString());
                    }
                }
            }
        }
        return out;
    }

    static List<String> ocspUrls(X509CertificateHolder c) {
        List<String> out = new ArrayList<>();
        Extension ext = c.getExtension(Extension.authorityInfoAccess);
        if (ext == null) {
            return out;
        }
        for (AccessDescription d : AuthorityInformationAccess.getInstance(ext.getParsedValue()).getAccessDescriptions()) {
            if (AccessDescription.id_ad_ocsp.equals(d.getAccessMethod())
                    && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                out.add(ASN1IA5String.getInstance(d.getAccessLocation().getName()).getString());
            }
        }
        return out;
    }

    private static void add(Map<String, X509CertificateHolder> certificates, X509CertificateHolder c) throws Exception {
        certificates.putIfAbsent(key(c), c);
    }

    private static String key(X509CertificateHolder c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
