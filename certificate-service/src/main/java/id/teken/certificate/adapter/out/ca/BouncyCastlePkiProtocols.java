package id.teken.certificate.adapter.out.ca;

import id.teken.certificate.application.port.out.OcspProtocol;
import id.teken.certificate.application.port.out.TimeStampAuthority;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OCSP (RFC 6960) and time stamps (RFC 3161) with Bouncy Castle, signed by the delegated OCSP-responder and
 * TSA certificates that the CA issued (EKU OCSPSigning with ocsp-nocheck; EKU timeStamping, critical).
 */
public class BouncyCastlePkiProtocols implements OcspProtocol, TimeStampAuthority {

    /** Message imprints the TSA accepts: SHA-256, SHA-384, SHA-512 (SHA-1 and MD5 are refused with badAlg). */
    static final java.util.Set<ASN1ObjectIdentifier> SHA2_IMPRINTS = java.util.Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384,
            TSPAlgorithms.SHA512);

    private static final java.security.SecureRandom NONCES = new java.security.SecureRandom();
    private final BouncyCastleCertificateAuthority ca;
    private final ASN1ObjectIdentifier tsaPolicy;
    private final DigestCalculatorProvider digests;

    public BouncyCastlePkiProtocols(BouncyCastleCertificateAuthority ca, String tsaPolicyOid) {
        this.ca = ca;
        this.tsaPolicy = new ASN1ObjectIdentifier(tsaPolicyOid);
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<OcspQuery> parse(byte[] request) {
        try {
            OCSPReq req = new OCSPReq(request);
            X509CertificateHolder issuer = new X509CertificateHolder(ca.issuingCertificate().getEncoded());
            List<Item> items = new ArrayList<>();
            for (Req r : req.getRequestList()) {
                CertificateID id = r.getCertID();
                items.add(new Item(id.getSerialNumber().toString(16).toUpperCase(), id.matchesIssuer(issuer, digests)));
            }
            if (items.isEmpty()) {
                return Optional.empty();
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            return Optional.of(new OcspQuery(items, nonce == null ? null : nonce.getExtnValue().getOctets(), req));
        } catch (IOException | OCSPException | CertificateEncodingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] respond(OcspQuery query, List<CertificateState> states, Instant now) {
        try {
            CaKeys.SigningIdentity responder = ca.ocspIdentity();
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(responder.certificate().getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(1, ChronoUnit.HOURS));
            Req[] requests = ((OCSPReq) query.raw()).getRequestList();
            for (int i = 0; i < requests.length; i++) {
                Req r = requests[i];
                CertificateState state = states.get(i);
                CertificateStatus status = switch (state.kind()) {
                    case GOOD -> CertificateStatus.GOOD;
                    case REVOKED -> new RevokedStatus(Date.from(state.revokedAt()), state.reasonCode());
                    case UNKNOWN -> new UnknownStatus();
                };
                builder.addResponse(r.getCertID(), status, thisUpdate, nextUpdate);
            }
            Extension nonce = ((OCSPReq) query.raw()).getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(CaKeys.signer(responder.key(), ca.keyProvider()),
                    new X509CertificateHolder[] {new X509CertificateHolder(responder.certificate().getEncoded())}, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("OCSP response could not be signed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public OcspQuery queryFor(String serialHex) {
        try {
            X509CertificateHolder issuer = new X509CertificateHolder(ca.issuingCertificate().getEncoded());
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer, new BigInteger(serialHex, 16));
            // A nonce makes every answer unique: a second signature by the same signer on the same document within the
            // same second still brings new validation data (validators look for a DSS update after each signature).
            byte[] nonce = new byte[16];
            NONCES.nextBytes(nonce);
            Extension nonceExtension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new org.bouncycastle.asn1.DEROctetString(nonce));
            OCSPReq request = new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(nonceExtension)).build();
            return new OcspQuery(List.of(new Item(serialHex.toUpperCase(java.util.Locale.ROOT), true)), nonce, request);
        } catch (OCSPException | OperatorCreationException | IOException | CertificateEncodingException e) {
            throw new IllegalStateException("OCSP query could not be built: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public byte[] malformed() {
        try {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] respond(byte[] query, BigInteger serialNumber, Instant time) {
        try {
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokenGenerator(), SHA2_IMPRINTS);
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(query);
            } catch (IOException | RuntimeException e) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "unreadable time-stamp query").getEncoded();
            }
            return responses.generate(request, serialNumber, Date.from(time)).getEncoded();
        } catch (TSPException | OperatorCreationException | IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("time stamp could not be made: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public byte[] token(byte[] sha256Imprint, BigInteger serialNumber, Instant time) {
        try {
            org.bouncycastle.tsp.TimeStampRequestGenerator requests = new org.bouncycastle.tsp.TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256Imprint);
            return tokenGenerator().generate(request, serialNumber, Date.from(time)).getEncoded();
        } catch (TSPException | OperatorCreationException | IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("time stamp could not be made: " + e.getClass().getSimpleName());
        }
    }

    /** The signing certificate is named by an ESSCertIDv2 (SHA-256); the TSA certificate and its issuer go with every token. */
    private TimeStampTokenGenerator tokenGenerator() throws OperatorCreationException, TSPException, java.security.GeneralSecurityException {
        CaKeys.SigningIdentity tsa = ca.tsaIdentity();
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                (ca.keyProvider() == null ? new JcaSimpleSignerInfoGeneratorBuilder()
                        : new JcaSimpleSignerInfoGeneratorBuilder().setProvider(ca.keyProvider())).build("SHA256withRSA", tsa.key(), tsa.certificate()),
                digests.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                tsaPolicy);
        tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate(), tsa.issuer())));
        return tokens;
    }
}
