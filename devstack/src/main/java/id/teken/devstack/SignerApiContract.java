package id.teken.devstack;

import id.teken.devstack.InternalApiClient.Answer;
import id.teken.internal.SignerApi;
import id.teken.internal.SignerApi.SignerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * registration-service's internal signer lookup as signing-service relies on it: the real service passes it in its own
 * tests, and so does the stand-in signing-service's tests run against. A subclass names where it is and a known signer.
 */
public abstract class SignerApiContract {

    private static final Set<String> STATUSES = Set.of("NEW", "WAITING_FOR_VERIFICATION", "NO_CERTIFICATE", "ISSUE",
            "NOT_REGISTERED", "RENEW", "SUSPEND", "REVOKE", "EXPIRED");

    /** Where the API is and the token it takes. */
    protected abstract InternalEndpoint endpoint();

    /** A registered signer: NIP, NIK and Email Dinas as the lookup should give them back. */
    protected abstract KnownSigner signer();

    /** A registered signer's keys. */
    public record KnownSigner(String nip, String nik, String email) {
    }


    private String signerNip() {
        return signer().nip();
    }

    private String signerNik() {
        return signer().nik();
    }

    private String signerEmail() {
        return signer().email();
    }

    private Answer find(String query) {
        return InternalApiClient.call(endpoint().baseUrl(), endpoint().serviceToken(), "GET", SignerApi.SIGNERS + query, null);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aSigner_isFoundByNip_byNik_andByEmailInAnyCase_withTheSameAnswer() {
        Answer byNip = find("?nip=" + signerNip());
        assertThat(byNip.status()).isEqualTo(200);
        SignerResponse signer = byNip.as(SignerResponse.class);
        assertThat(signer.nip()).isEqualTo(signerNip());
        assertThat(signer.nik()).isEqualTo(signerNik());
        assertThat(signer.nama()).isNotBlank();
        assertThat(signer.emailDinas()).isEqualToIgnoringCase(signerEmail());
        assertThat(signer.status()).isIn(STATUSES);
        assertThat(find("?nik=" + signerNik()).as(SignerResponse.class)).isEqualTo(signer);
        assertThat(find("?email=" + enc(signerEmail().toUpperCase())).as(SignerResponse.class)).isEqualTo(signer);
    }

    @Test
    void anUnknownSigner_is404_signerNotFound() {
        Answer answer = find("?nik=3502019999990099");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("SIGNER_NOT_FOUND");
    }

    @Test
    void noneOrTwoKeys_orAMalformedNik_are400() {
        assertThat(find("").code()).isEqualTo("MALFORMED_REQUEST");
        Answer two = find("?nip=" + signerNip() + "&nik=" + signerNik());
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.code()).isEqualTo("MALFORMED_REQUEST");
        Answer nik = find("?nik=12ab");
        assertThat(nik.status()).isEqualTo(400);
        assertThat(nik.code()).isEqualTo("NIK_INVALID");
    }

    @Test
    void withoutTheServiceToken_is401_serviceUnauthenticated() {
        Answer none = InternalApiClient.call(endpoint().baseUrl(), null, "GET", SignerApi.SIGNERS + "?nip=" + signerNip(), null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("SERVICE_UNAUTHENTICATED");
        assertThat(InternalApiClient.call(endpoint().baseUrl(), "wrong", "GET", SignerApi.SIGNERS + "?nip=" + signerNip(), null).status())
                .isEqualTo(401);
    }
}
