package id.teken.devstack;

import id.teken.devstack.InternalApiClient.Answer;
import id.teken.internal.SigningApi;
import id.teken.internal.SigningApi.AuthorizeRequest;
import id.teken.internal.SigningApi.AuthorizeResponse;
import id.teken.internal.SigningApi.SignHashesRequest;
import id.teken.internal.SigningApi.SignHashesResponse;
import id.teken.internal.SigningApi.SigningCertificateResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * certificate-service's internal signing API as signing-service relies on it. The real certificate-service passes it in
 * its own tests, and so does the stand-in that signing-service's tests run against: what the stand-in answers is what
 * the real service answers. A subclass names where the API is and a signer whose certificate is ISSUE.
 */
public abstract class SigningApiContract {

    /** Where the API is and the token it takes. */
    protected abstract InternalEndpoint endpoint();

    /** A signer with an ISSUE certificate that this test may lock for a moment (one wrong passphrase, then the right one). */
    protected abstract KnownSigner signer();

    /** A signer's NIP and passphrase. */
    public record KnownSigner(String nip, String passphrase) {
    }


    private String signerNip() {
        return signer().nip();
    }

    private String signerPassphrase() {
        return signer().passphrase();
    }

    private Answer call(String method, String path, Object body) {
        return InternalApiClient.call(endpoint().baseUrl(), endpoint().serviceToken(), method, path, body);
    }

    private static String digestOf(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private X509Certificate leaf() throws Exception {
        SigningCertificateResponse c = call("GET", SigningApi.SIGNING_CERTIFICATES + signerNip() + "?channel=owner", null)
                .as(SigningCertificateResponse.class);
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(c.certificateChain().get(0).getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void signingCertificate_isIssue_unlocked_withAChainOfPem_leafFirst() throws Exception {
        Answer answer = call("GET", SigningApi.SIGNING_CERTIFICATES + signerNip() + "?channel=owner", null);
        assertThat(answer.status()).isEqualTo(200);
        SigningCertificateResponse c = answer.as(SigningCertificateResponse.class);
        assertThat(c.status()).isEqualTo("ISSUE");
        assertThat(c.locked()).isFalse();
        assertThat(c.certificateChain()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(leaf().getSerialNumber().toString(16)).isEqualToIgnoringCase(c.serialNumber());
    }

    @Test
    void unknownSigner_is404_certificateNotFound() {
        Answer answer = call("GET", SigningApi.SIGNING_CERTIFICATES + "199912312020121001?channel=owner", null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("CERTIFICATE_NOT_FOUND");
    }

    @Test
    void signHashes_withThePassphrase_signEveryDigestInOrder_withTheLeafsKey() throws Exception {
        List<String> texts = List.of("surat satu", "surat dua");
        Answer answer = call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(),
                List.of(digestOf(texts.get(0)), digestOf(texts.get(1))), "SHA-256", signerPassphrase(), "owner", false, false, null));
        assertThat(answer.status()).isEqualTo(200);
        SignHashesResponse signed = answer.as(SignHashesResponse.class);
        assertThat(signed.signatures()).hasSize(2);
        assertThat(signed.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        X509Certificate leaf = leaf();
        for (int i = 0; i < 2; i++) {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(leaf.getPublicKey());
            rsa.update(texts.get(i).getBytes(StandardCharsets.UTF_8));
            assertThat(rsa.verify(Base64.getDecoder().decode(signed.signatures().get(i)))).as("signature " + i).isTrue();
        }
        assertThat(signed.timestampTokens()).as("not asked for").isNullOrEmpty();
        assertThat(signed.ocspResponse()).isNull();
    }

    @Test
    void signHashes_withTimestampsAndOcsp_handATokenPerSignature_andTheSignersOcspAnswer() throws Exception {
        Answer answer = call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(),
                List.of(digestOf("a"), digestOf("b")), "SHA-256", signerPassphrase(), "owner", true, true, null));
        assertThat(answer.status()).isEqualTo(200);
        SignHashesResponse signed = answer.as(SignHashesResponse.class);
        assertThat(signed.timestampTokens()).hasSize(2).allSatisfy(t -> assertThat(Base64.getDecoder().decode(t)).isNotEmpty());
        assertThat(Base64.getDecoder().decode(signed.ocspResponse())).isNotEmpty();
    }

    @Test
    void wrongPassphrase_is400_passphraseWrong_withoutEchoingIt_andTheRightOneStillSigns() throws Exception {
        Answer wrong = call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(), List.of(digestOf("x")), "SHA-256",
                "Salah#Kontrak1", "owner", false, false, null));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("PASSPHRASE_WRONG");
        assertThat(wrong.body().toString()).doesNotContain("Salah#Kontrak1");
        Answer wrongAuthorization = call("POST", SigningApi.AUTHORIZATIONS, new AuthorizeRequest(signerNip(), "Salah#Kontrak2", "owner", 1));
        assertThat(wrongAuthorization.status()).isEqualTo(400);
        assertThat(wrongAuthorization.code()).isEqualTo("PASSPHRASE_WRONG");
        assertThat(call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(), List.of(digestOf("x")), "SHA-256",
                signerPassphrase(), "owner", false, false, null)).status()).isEqualTo(200);
    }

    @Test
    void authorization_signsForItsSigner_once_thenIs410() throws Exception {
        Answer granted = call("POST", SigningApi.AUTHORIZATIONS, new AuthorizeRequest(signerNip(), signerPassphrase(), "owner", 1));
        assertThat(granted.status()).isEqualTo(200);
        AuthorizeResponse sad = granted.as(AuthorizeResponse.class);
        assertThat(sad.sad()).isNotBlank();
        assertThat(sad.serialNumber()).isEqualToIgnoringCase(leaf().getSerialNumber().toString(16));
        SignHashesRequest withSad = new SignHashesRequest(signerNip(), List.of(digestOf("sekali")), "SHA-256", null, "owner",
                false, false, sad.sad());
        assertThat(call("POST", SigningApi.SIGN_HASHES, withSad).status()).isEqualTo(200);
        Answer again = call("POST", SigningApi.SIGN_HASHES, withSad);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.code()).isEqualTo("AUTHORIZATION_INVALID");
    }

    @Test
    void anAuthorizationForHashes_signsThoseOnly_andAnotherDigestLeavesItUnused() throws Exception {
        String bound = digestOf("terikat");
        AuthorizeResponse sad = call("POST", SigningApi.AUTHORIZATIONS, new AuthorizeRequest(signerNip(), signerPassphrase(), "owner", 1,
                List.of(bound), 120)).as(AuthorizeResponse.class);
        Answer other = call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(), List.of(digestOf("lain")), "SHA-256",
                null, "owner", false, false, sad.sad()));
        assertThat(other.status()).isEqualTo(410);
        assertThat(other.code()).isEqualTo("AUTHORIZATION_INVALID");
        SignHashesRequest right = new SignHashesRequest(signerNip(), List.of(bound), "SHA-256", null, "owner", false, false, sad.sad());
        assertThat(call("POST", SigningApi.SIGN_HASHES, right).status()).as("still unused after the refusal").isEqualTo(200);
        assertThat(call("POST", SigningApi.SIGN_HASHES, right).status()).as("each hash once").isEqualTo(410);
    }

    @Test
    void anAuthorizationForANumberOfSignatures_isRefusedWhereOnlyOneBoundToHashesWill() throws Exception {
        AuthorizeResponse sad = call("POST", SigningApi.AUTHORIZATIONS, new AuthorizeRequest(signerNip(), signerPassphrase(), "owner", 1,
                null, 120)).as(AuthorizeResponse.class);
        Answer bound = call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(), List.of(digestOf("bebas")), "SHA-256",
                null, "owner", false, false, sad.sad(), true));
        assertThat(bound.status()).isEqualTo(410);
        assertThat(bound.code()).isEqualTo("AUTHORIZATION_INVALID");
        assertThat(call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(), List.of(digestOf("bebas")), "SHA-256",
                null, "owner", false, false, sad.sad())).status()).as("unused by the refusal").isEqualTo(200);
    }

    @Test
    void anAuthorization_signsWithRsaPss_whenAsked_verifiableWithTheLeaf() throws Exception {
        String bound = digestOf("pss");
        AuthorizeResponse sad = call("POST", SigningApi.AUTHORIZATIONS, new AuthorizeRequest(signerNip(), signerPassphrase(), "owner", 1,
                List.of(bound), 120)).as(AuthorizeResponse.class);
        Answer answer = call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(), List.of(bound), "SHA-256", null, "owner",
                false, false, sad.sad(), true, "PSS"));
        assertThat(answer.status()).isEqualTo(200);
        SignHashesResponse signed = answer.as(SignHashesResponse.class);
        assertThat(signed.signatureAlgorithm()).isEqualTo("RSASSA-PSS");
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        pss.initVerify(leaf().getPublicKey());
        pss.update("pss".getBytes(StandardCharsets.UTF_8));
        assertThat(pss.verify(Base64.getDecoder().decode(signed.signatures().get(0)))).isTrue();
    }

    @Test
    void aSigningApprovalRequest_isAnswered_andAnUnapprovedOrWrongCodeIsRefused() throws Exception {
        Answer asked = call("POST", SigningApi.APPROVALS, new SigningApi.ApprovalRequest(signerNip(), "client:kontrak", "kontrak", 1));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(java.time.Instant.parse(asked.as(SigningApi.ApprovalResponse.class).expiresAt())).isAfter(java.time.Instant.now());
        Answer wrong = call("POST", SigningApi.APPROVAL_REDEEM, new SigningApi.RedeemRequest(signerNip(), "client:kontrak", "12345"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("CODE_WRONG");
    }

    @Test
    void revokedAuthorization_is410() throws Exception {
        AuthorizeResponse sad = call("POST", SigningApi.AUTHORIZATIONS, new AuthorizeRequest(signerNip(), signerPassphrase(), "owner", 1))
                .as(AuthorizeResponse.class);
        assertThat(call("DELETE", SigningApi.AUTHORIZATIONS + "/" + sad.sad(), null).status()).isEqualTo(204);
        Answer after = call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(), List.of(digestOf("y")), "SHA-256",
                null, "owner", false, false, sad.sad()));
        assertThat(after.status()).isEqualTo(410);
        assertThat(after.code()).isEqualTo("AUTHORIZATION_INVALID");
    }

    @Test
    void anotherSigner_cannotUseTheAuthorization() throws Exception {
        AuthorizeResponse sad = call("POST", SigningApi.AUTHORIZATIONS, new AuthorizeRequest(signerNip(), signerPassphrase(), "owner", 1))
                .as(AuthorizeResponse.class);
        Answer foreign = call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(), List.of(digestOf("z")), "SHA-256",
                null, "client:lain", false, false, sad.sad()));
        assertThat(foreign.status()).isEqualTo(410);
        assertThat(foreign.code()).isEqualTo("AUTHORIZATION_INVALID");
    }

    @Test
    void withoutTheServiceToken_is401() throws Exception {
        Answer none = InternalApiClient.call(endpoint().baseUrl(), null, "POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(),
                List.of(digestOf("x")), "SHA-256", signerPassphrase(), "owner", false, false, null));
        assertThat(none.status()).isEqualTo(401);
        assertThat(InternalApiClient.call(endpoint().baseUrl(), "wrong-token", "GET", SigningApi.SIGNING_CERTIFICATES + signerNip(), null)
                .status()).isEqualTo(401);
    }

    @Test
    void malformedDigests_are400_malformedRequest() {
        for (List<String> digests : List.of(List.of("!!"), List.of(Base64.getEncoder().encodeToString(new byte[20])), List.<String>of())) {
            Answer answer = call("POST", SigningApi.SIGN_HASHES, new SignHashesRequest(signerNip(), digests, "SHA-256",
                    signerPassphrase(), "owner", false, false, null));
            assertThat(answer.status()).as(digests.toString()).isEqualTo(400);
            assertThat(answer.code()).as(digests.toString()).isEqualTo("MALFORMED_REQUEST");
        }
    }
}
