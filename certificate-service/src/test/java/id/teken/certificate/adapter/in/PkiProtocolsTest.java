package id.teken.certificate.adapter.in;

import id.teken.certificate.support.Subscribers;
import id.teken.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Map;

import static id.teken.certificate.support.Subscribers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** OCSP, TSA and CRLs as strict clients need them (CertIDs by issuer, SHA-2 imprints, ESSCertIDv2, the root's CRL). */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class PkiProtocolsTest {

    static final String VERIFIER = "197812012005041003";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    static X509CRL crl(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    @Test
    void theRootPublishesItsCertificateAndCrl_andTheIssuingCaPointsAtThem() throws Exception {
        X509Certificate root = x509(given().get("/pki/ca/root.crt").then().statusCode(200).contentType("application/pkix-cert")
                .extract().asByteArray());
        X509Certificate issuing = x509(given().get("/pki/ca/issuing.crt").then().statusCode(200).extract().asByteArray());
        issuing.verify(root.getPublicKey());
        X509CRL rootCrl = crl(given().get("/pki/crl/root").then().statusCode(200).contentType("application/pkix-crl").extract().asByteArray());
        rootCrl.verify(root.getPublicKey());
        assertThat(rootCrl.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(rootCrl.isRevoked(issuing)).isFalse();
        assertThat(rootCrl.getNextUpdate()).isAfter(new java.util.Date());
    }

    @Test
    void ocsp_answersEachCertIdByItsIssuer_andRefusesTooManyAtOnce() throws Exception {
        String nip = Subscribers.freshNip();
        String serial = Subscribers.issue(kafka, mailApi, nip, "ocsp." + nip + "@ponorogo.go.id");
        as(VERIFIER, "VERIFIKATOR").body(Map.of("alasan", "keyCompromise")).post("/api/v1/verifier/certificates/" + serial + "/revoke")
                .then().statusCode(200);
        X509CertificateHolder issuing = new X509CertificateHolder(given().get("/pki/ca/issuing.crt").then().extract().asByteArray());
        // Someone else's CA that happens to have issued a certificate with the same serial.
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=Lain CA");
        X509CertificateHolder foreign = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L), name, g.generateKeyPair().getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(g.generateKeyPair().getPrivate()));
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        BigInteger s = new BigInteger(serial, 16);
        byte[] request = new OCSPReqBuilder()
                .addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1), issuing, s))
                .addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1), foreign, s)).build().getEncoded();
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(given().contentType("application/ocsp-request").body(request).post("/pki/ocsp")
                .then().statusCode(200).extract().asByteArray()).getResponseObject();
        SingleResp[] answers = basic.getResponses();
        assertThat(answers).hasSize(2);
        assertThat(answers[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(answers[1].getCertStatus()).isInstanceOf(UnknownStatus.class);
        // Eleven CertIDs in one request: refused.
        OCSPReqBuilder many = new OCSPReqBuilder();
        for (int i = 0; i < 11; i++) {
            many.addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1), issuing, BigInteger.valueOf(1000 + i)));
        }
        assertThat(new OCSPResp(given().contentType("application/ocsp-request").body(many.build().getEncoded()).post("/pki/ocsp")
                .then().statusCode(200).extract().asByteArray()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void theTsa_takesOnlySha2Imprints_andNamesItsCertificateWithEssCertIdV2() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest("surat".getBytes());
        TimeStampResponse good = new TimeStampResponse(given().contentType("application/timestamp-query")
                .body(generator.generate(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256).getAlgorithm(), sha256).getEncoded())
                .post("/pki/tsa").then().statusCode(200).extract().asByteArray());
        assertThat(good.getStatus()).isZero();
        assertThat(good.getTimeStampToken().getSignedAttributes().get(
                org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(good.getTimeStampToken().getSignedAttributes().get(
                org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificate)).isNull();
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest("surat".getBytes());
        TimeStampResponse refused = new TimeStampResponse(given().contentType("application/timestamp-query")
                .body(generator.generate(OIWObjectIdentifiers.idSHA1, sha1).getEncoded()).post("/pki/tsa").then().statusCode(200)
                .extract().asByteArray());
        assertThat(refused.getStatus()).isEqualTo(2);   // rejection
        assertThat(refused.getFailInfo().intValue() & org.bouncycastle.asn1.cmp.PKIFailureInfo.badAlg).isNotZero();
    }

    @Test
    void aSuspensionIsOnTheCrlAtOnce_andOffItAtOnceWhenLifted() throws Exception {
        String nip = Subscribers.freshNip();
        String serial = Subscribers.issue(kafka, mailApi, nip, "crl." + nip + "@ponorogo.go.id");
        BigInteger s = new BigInteger(serial, 16);
        as(VERIFIER, "VERIFIKATOR").body(Map.of("alasan", "pemeriksaan")).post("/api/v1/verifier/certificates/" + serial + "/suspend")
                .then().statusCode(200);
        assertThat(crl(given().get("/pki/crl").then().extract().asByteArray()).getRevokedCertificate(s).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.CERTIFICATE_HOLD);
        as(VERIFIER, "VERIFIKATOR").post("/api/v1/verifier/certificates/" + serial + "/unsuspend").then().statusCode(200);
        assertThat(crl(given().get("/pki/crl").then().extract().asByteArray()).getRevokedCertificate(s)).isNull();
    }
}
