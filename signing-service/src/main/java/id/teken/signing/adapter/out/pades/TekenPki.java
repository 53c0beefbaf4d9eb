package id.teken.signing.adapter.out.pades;

import eu.europa.esig.dss.alert.LogOnStatusAlert;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Teken's PKI as DSS sees it: the CA chain from certificate-service's /pki/ca as trust anchors, and OCSP/CRL/AIA
 * fetched online. Certificates carry the public addresses (teken.public-url/pki/...); when that address is not
 * reachable from inside the network (containers), requests for it are sent to certificate-service directly.
 */
public class TekenPki {

    private final URI certificateService;
    private final String publicPkiPrefix;
    private volatile CommonTrustedCertificateSource trusted;

    public TekenPki(URI certificateService, String publicUrl) {
        this.certificateService = certificateService;
        this.publicPkiPrefix = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "") + "/pki/";
    }

    /** A verifier that trusts our chain and fetches revocation data online (with the address rewrite). */
    public CommonCertificateVerifier verifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trustAnchors());
        OCSPDataLoader ocspLoader = new OCSPDataLoader() {
            @Override
            public byte[] post(String url, byte[] content) {
                return super.post(rewrite(url), content);
            }
        };
        CommonsDataLoader loader = new CommonsDataLoader() {
            @Override
            public byte[] get(String url) {
                return super.get(rewrite(url));
            }
        };
        for (CommonsDataLoader l : List.of(ocspLoader, loader)) {
            l.setTimeoutConnection(5_000);
            l.setTimeoutResponse(10_000);
        }
        verifier.setOcspSource(new OnlineOCSPSource(ocspLoader));
        verifier.setCrlSource(new OnlineCRLSource(loader));
        verifier.setAIASource(new DefaultAIASource(loader));
        // The TSA's own certificate has no revocation source to embed; that must not stop a B-LT signature.
        verifier.setAlertOnMissingRevocationData(new LogOnStatusAlert());
        return verifier;
    }

    String rewrite(String url) {
        if (publicPkiPrefix != null && url != null && url.startsWith(publicPkiPrefix)) {
            return certificateService.toString().replaceAll("/+$", "") + "/pki/" + url.substring(publicPkiPrefix.length());
        }
        return url;
    }

    /** Root and issuing CA are both Teken's own: the issuing CA is an anchor too, so only subscriber certificates need OCSP/CRL. */
    public CommonTrustedCertificateSource trustAnchors() {
        if (trusted == null) {
            synchronized (this) {
                if (trusted == null) {
                    try {
                        URI caChain = URI.create(certificateService.toString().replaceAll("/+$", "") + "/pki/ca");
                        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(caChain)
                                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode());
                        }
                        List<Certificate> list = new ArrayList<>(CertificateFactory.getInstance("X.509")
                                .generateCertificates(new ByteArrayInputStream(response.body())));
                        CommonTrustedCertificateSource source = new CommonTrustedCertificateSource();
                        for (Certificate c : list) {
                            source.addCertificate(DSSUtils.loadCertificate(c.getEncoded()));
                        }
                        trusted = source;
                    } catch (Exception e) {
                        throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE,
                                "Rantai CA tidak dapat diambil dari layanan sertifikat. Coba lagi nanti.");
                    }
                }
            }
        }
        return trusted;
    }
}
