package id.teken.bench;

import com.itextpdf.text.pdf.PdfReader;
import com.itextpdf.text.pdf.PdfSignatureAppearance;
import com.itextpdf.text.pdf.PdfStamper;
import com.itextpdf.text.pdf.security.BouncyCastleDigest;
import com.itextpdf.text.pdf.security.ExternalDigest;
import com.itextpdf.text.pdf.security.ExternalSignature;
import com.itextpdf.text.pdf.security.MakeSignature;
import com.itextpdf.text.pdf.security.PrivateKeySignature;
import com.itextpdf.text.pdf.security.TSAClient;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process peers Teken is measured against: EU DSS 6.3 and iText 5.5.13 signing PAdES B-T with an RSA-2048 key held
 * in memory and an in-process RFC 3161 TSA (Bouncy Castle), no passphrase, no network.
 */
final class Peers {

    private final KeyPair keys;
    private final X509Certificate leaf;
    private final X509Certificate root;
    private final TimeStampTokenGenerator tsa;
    private final AtomicLong serials = new AtomicLong(1);

    Peers() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair rootKeys = g.generateKeyPair();
        keys = g.generateKeyPair();
        KeyPair tsaKeys = g.generateKeyPair();
        X500Name rootName = new X500Name("CN=Bench Root,C=ID");
        root = cert(rootName, rootName, rootKeys, rootKeys, true, null);
        leaf = cert(new X500Name("CN=Bench Signer,C=ID"), rootName, keys, rootKeys, false, null);
        X509Certificate tsaCert = cert(new X500Name("CN=Bench TSA,C=ID"), rootName, tsaKeys, rootKeys, false, KeyPurposeId.id_kp_timeStamping);
        tsa = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKeys.getPrivate(), tsaCert),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("2.25.1.2"));
        tsa.addCertificates(new JcaCertStore(List.of(tsaCert, root)));
    }

    private static X509Certificate cert(X500Name subject, X500Name issuer, KeyPair subjectKeys, KeyPair issuerKeys, boolean ca,
                                        KeyPurposeId eku) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()),
                new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L), subject,
                subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (eku != null) {
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(eku));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    /** An RFC 3161 token over the imprint, made here. */
    byte[] timestamp(ASN1ObjectIdentifier algorithm, byte[] imprint) throws Exception {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampResponse response = new TimeStampResponseGenerator(tsa, TSPAlgorithms.ALLOWED)
                .generate(requests.generate(algorithm, imprint), BigInteger.valueOf(serials.incrementAndGet()), new Date());
        return response.getTimeStampToken().getEncoded();
    }

    /** EU DSS 6.3, PAdES B-T, invisible: one signature of the PDF. */
    byte[] dss(byte[] pdf) throws Exception {
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        service.setTspSource((TSPSource) (DigestAlgorithm algorithm, byte[] digest) -> {
            try {
                return new TimestampBinary(timestamp(new ASN1ObjectIdentifier(algorithm.getOid()), digest));
            } catch (Exception e) {
                throw new eu.europa.esig.dss.model.DSSException(e);
            }
        });
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_T);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        CertificateToken signer = DSSUtils.loadCertificate(leaf.getEncoded());
        parameters.setSigningCertificate(signer);
        parameters.setCertificateChain(List.of(signer, DSSUtils.loadCertificate(root.getEncoded())));
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned data = service.getDataToSign(document, parameters);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(data.getBytes());
        DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(SignatureAlgorithm.RSA_SHA256, rsa.sign()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
        signed.writeTo(out);
        return out.toByteArray();
    }

    /** iText 5.5.13, PAdES B-T (CAdES detached with a signature time stamp), invisible: one signature of the PDF. */
    byte[] itext(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
        PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
        PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
        appearance.setReason("bench");
        ExternalSignature signature = new PrivateKeySignature(keys.getPrivate(), "SHA-256", null);
        ExternalDigest digest = new BouncyCastleDigest();
        TSAClient tsaClient = new TSAClient() {
            @Override
            public int getTokenSizeEstimate() {
                return 8192;
            }

            @Override
            public MessageDigest getMessageDigest() throws java.security.GeneralSecurityException {
                return MessageDigest.getInstance("SHA-256");
            }

            @Override
            public byte[] getTimeStampToken(byte[] imprint) throws Exception {
                return timestamp(TSPAlgorithms.SHA256, imprint);
            }
        };
        MakeSignature.signDetached(appearance, digest, signature, new Certificate[] {leaf, root}, null, null, tsaClient, 0,
                MakeSignature.CryptoStandard.CADES);
        reader.close();
        return out.toByteArray();
    }
}
