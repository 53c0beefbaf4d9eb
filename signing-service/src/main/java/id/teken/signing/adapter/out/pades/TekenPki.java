package id.teken.signing.adapter.out.pades;

import eu.europa.esig.dss.alert.LogOnStatusAlert;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Teken's PKI as DSS sees it. Trust: Teken's root only (what a relying party holds), plus any extra anchors the operator
 * configures; the issuing CA certificates from /pki/ca are only there to build paths. Revocation data (OCSP, CRL) and
 * certificates (AIA) are fetched online, but only from Teken's own PKI addresses (or an allow-list): a PDF uploaded for
 * verification names URLs in its certificates, and those must never make this service fetch file:, ldap: or internal
 * http: addresses. http(s) only, short timeouts, no redirects. When the public address is not reachable from inside the
 * network (containers), requests for it go to certificate-service directly.
 */
public class TekenPki {

    private static final Logger LOG = Logger.getLogger(TekenPki.class);

    private final URI certificateService;
    private final String publicPkiPrefix;
    private final List<String> allowedPrefixes;
    private final List<CertificateToken> extraAnchors;
    /** The internal CA as a PKCS#12 trust store, when certificate-service answers over HTTPS (else null). */
    private final byte[] internalTrust;
    private final OCSPDataLoader ocspLoader;
    private final CommonsDataLoader loader;
    private volatile Anchors anchors;

    /** The trust anchors and the certificates that only help to build a path. */
    private record Anchors(CommonTrustedCertificateSource trusted, CommonCertificateSource adjunct) {
    }

    public TekenPki(URI certificateService, String publicUrl) {
        this(certificateService, publicUrl, List.of(), List.of());
    }

    public TekenPki(URI certificateService, String publicUrl, List<String> extraAllowedPrefixes, List<byte[]> extraAnchorsDer) {
        this(certificateService, publicUrl, extraAllowedPrefixes, extraAnchorsDer, null);
    }

    /** {@code internalTrust}: PKCS#12 (password {@link #TRUST_PASSWORD}) of the internal CA, or null. */
    public TekenPki(URI certificateService, String publicUrl, List<String> extraAllowedPrefixes, List<byte[]> extraAnchorsDer,
                    byte[] internalTrust) {
        this.internalTrust = internalTrust;
        this.certificateService = certificateService;
        this.publicPkiPrefix = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "") + "/pki/";
        List<String> allowed = new ArrayList<>();
        if (publicPkiPrefix != null) {
            allowed.add(publicPkiPrefix);
        }
        allowed.add(certificateService.toString().replaceAll("/+$", "") + "/pki/");
        for (String extra : extraAllowedPrefixes) {
            if (extra != null && !extra.isBlank()) {
                allowed.add(extra.trim());
            }
        }
        this.allowedPrefixes = List.copyOf(allowed);
        this.extraAnchors = extraAnchorsDer.stream().map(DSSUtils::loadCertificate).toList();
        // Fetchers for OCSP (POST) and everything else (GET), limited to the allowed addresses; built once, shared.
        this.ocspLoader = restrictedOcspLoader(this);
        this.loader = restrictedLoader(this);
    }

    /** A verifier that trusts the root (and the configured extra anchors) and fetches revocation data from allowed addresses. */
    public CommonCertificateVerifier verifier() {
        Anchors a = anchors();
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(a.trusted());
        verifier.setAdjunctCertSources(a.adjunct());
        verifier.setOcspSource(new OnlineOCSPSource(ocspLoader));
        verifier.setCrlSource(new OnlineCRLSource(loader));
        verifier.setAIASource(new DefaultAIASource(loader));
        verifier.setAlertOnMissingRevocationData(new LogOnStatusAlert());
        return verifier;
    }

    /** GET of an allowed PKI address (a CRL, a certificate); DSSExternalResourceException when refused or unreachable. */
    public byte[] get(String url) {
        return loader.get(url);
    }

    /** CRLs and CA certificates fetched recently, kept until their next update (five minutes at most). */
    private final PkiFetchCache fetched = new PkiFetchCache();

    /** An OCSP request POSTed to an allowed responder address. */
    public byte[] postOcsp(String url, byte[] request) {
        return ocspLoader.post(url, request);
    }

    private static OCSPDataLoader restrictedOcspLoader(TekenPki pki) {
        OCSPDataLoader l = new OCSPDataLoader() {
            @Override
            public byte[] post(String url, byte[] content) {
                return super.post(pki.allowed(url), content);
            }

            @Override
            public byte[] get(String url) {
                return super.get(pki.allowed(url));
            }
        };
        limit(l, pki.internalTrust);
        return l;
    }

    private static CommonsDataLoader restrictedLoader(TekenPki pki) {
        CommonsDataLoader l = new CommonsDataLoader() {
            @Override
            public byte[] get(String url) {
                String target = pki.allowed(url);
                return pki.fetched.get(target, super::get);
            }

            @Override
            public DataLoader.DataAndUrl get(List<String> urls) {
                List<String> usable = urls.stream().filter(pki::isAllowed).map(pki::rewrite).toList();
                if (usable.isEmpty()) {
                    throw new DSSExternalResourceException("no allowed address among " + urls.size());
                }
                return super.get(usable);
            }

            @Override
            public byte[] post(String url, byte[] content) {
                return super.post(pki.allowed(url), content);
            }
        };
        limit(l, pki.internalTrust);
        return l;
    }

    public static final char[] TRUST_PASSWORD = "teken-internal-ca".toCharArray();

    /** A loader for the TSA (RFC 3161 over HTTP POST) with the same limits and trust. */
    public eu.europa.esig.dss.spi.client.http.DataLoader timestampLoader() {
        eu.europa.esig.dss.service.http.commons.TimestampDataLoader l = new eu.europa.esig.dss.service.http.commons.TimestampDataLoader();
        limit(l, internalTrust);
        return l;
    }

    private static void limit(CommonsDataLoader l, byte[] trust) {
        if (trust != null) {
            l.setSslTruststore(new eu.europa.esig.dss.model.InMemoryDocument(trust));
            l.setSslTruststorePassword(TRUST_PASSWORD);
            l.setSslTruststoreType("PKCS12");
        }
        l.setTimeoutConnection(2_000);
        l.setTimeoutConnectionRequest(2_000);
        l.setTimeoutResponse(5_000);
        l.setTimeoutSocket(5_000);
        l.setRedirectsEnabled(false);
    }

    /** The URL to fetch, when it is one of ours (rewritten to certificate-service if need be); refused otherwise. */
    String allowed(String url) {
        if (!isAllowed(url)) {
            LOG.debugf("Not fetched (not an allowed PKI address): %s", url == null ? null : url.substring(0, Math.min(100, url.length())));
            throw new DSSExternalResourceException("address not allowed");
        }
        return rewrite(url);
    }

    boolean isAllowed(String url) {
        if (url == null || url.length() > 500) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://") || url.contains("@") || url.contains("..")) {
            return false;
        }
        return allowedPrefixes.stream().anyMatch(url::startsWith);
    }

    String rewrite(String url) {
        if (publicPkiPrefix != null && url != null && url.startsWith(publicPkiPrefix)) {
            return certificateService.toString().replaceAll("/+$", "") + "/pki/" + url.substring(publicPkiPrefix.length());
        }
        return url;
    }

    /** Teken's root (and the configured extra anchors), the only trust anchors. */
    public CommonTrustedCertificateSource trustAnchors() {
        return anchors().trusted();
    }

    private Anchors anchors() {
        if (anchors == null) {
            synchronized (this) {
                if (anchors == null) {
                    anchors = fetchAnchors();
                }
            }
        }
        return anchors;
    }

    /** A client for the CA chain that trusts the internal CA when certificate-service answers over HTTPS. */
    private HttpClient chainClient() throws java.security.GeneralSecurityException, java.io.IOException {
        if (internalTrust == null) {
            return HttpClient.newHttpClient();
        }
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(internalTrust), TRUST_PASSWORD);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private Anchors fetchAnchors() {
        try {
            URI caChain = URI.create(certificateService.toString().replaceAll("/+$", "") + "/pki/ca");
            HttpResponse<byte[]> response = chainClient().send(HttpRequest.newBuilder(caChain)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            List<Certificate> list = new ArrayList<>(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(response.body())));
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            CommonCertificateSource adjunct = new CommonCertificateSource();
            for (Certificate c : list) {
                X509Certificate x = (X509Certificate) c;
                CertificateToken token = DSSUtils.loadCertificate(x.getEncoded());
                if (x.getSubjectX500Principal().equals(x.getIssuerX500Principal())) {
                    trusted.addCertificate(token);
                } else {
                    adjunct.addCertificate(token);
                }
            }
            extraAnchors.forEach(trusted::addCertificate);
            return new Anchors(trusted, adjunct);
        } catch (Exception e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "Rantai CA tidak dapat diambil dari layanan sertifikat. Coba lagi nanti.");
        }
    }
}
