package id.teken.internal;

import java.util.List;

/**
 * certificate-service's internal seal API (segel elektronik, BSrE v2 seal), which signing-service calls with the service
 * token for a system client ({@code channel} client:&lt;username&gt;). The seal's signatures then go through
 * {@link SigningApi#SIGN_HASHES} with the SAD that {@link #REDEEM} gives and {@code nip} = {@code seal:<idSubscriber>}.
 */
public final class SealApi {

    /** GET, with the idSubscriber appended: the seal's certificate. */
    public static final String CERTIFICATES = "/internal/v1/seals/";
    /** POST {@link ActivationRequest} -> {@link ActivationResponse}. */
    public static final String ACTIVATION = "/internal/v1/seals/activation";
    /** POST {@link ActivationRequest} (with the code) -> 204. */
    public static final String ACTIVATION_REVOKE = "/internal/v1/seals/activation/revoke";
    /** POST {@link TotpRequest} -> {@link TotpResponse}. */
    public static final String TOTP = "/internal/v1/seals/totp";
    /** POST {@link RedeemRequest} -> {@link SigningApi.AuthorizeResponse}. */
    public static final String REDEEM = "/internal/v1/seals/redeem";

    private SealApi() {
    }

    /** The seal's current certificate: serial, status, the unit's name, the chain (PEM, leaf first). */
    public record SealCertificateResponse(String idSubscriber, String unitName, String serialNumber, String status,
                                          List<String> certificateChain) {
    }

    /** Without {@code code}: mail a new activation code to the unit; with it: renew that activation. */
    public record ActivationRequest(String idSubscriber, String channel, String clientName, String code) {
    }

    /** {@code code} is the renewed activation's (absent when a new one was mailed). */
    public record ActivationResponse(String code, String expiresAt, boolean mailed) {
    }

    public record TotpRequest(String idSubscriber, String channel, String activationCode, Integer documents) {
    }

    public record TotpResponse(String totp, String expiresAt, int documents) {
    }

    public record RedeemRequest(String idSubscriber, String channel, String totp, Integer signatures) {
    }
}
