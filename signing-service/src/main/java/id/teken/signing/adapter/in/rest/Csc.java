package id.teken.signing.adapter.in.rest;

import id.teken.kit.problem.CscProblemStyle;
import id.teken.signing.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


/**
 * Errors on the Cloud Signature Consortium API routes (/csc/v2) in CSC's shape: {"error", "error_description"} with
 * OAuth-style codes: invalid_request (400: malformed, unknown credentialID, unusable SAD or hashes), invalid_pin (400: the
 * passphrase is wrong), invalid_token (401: no, expired or forged access token), access_denied (403: not an ASN; the
 * credential is locked or its certificate not active), temporarily_unavailable (503), server_error (500).
 */
final class Csc {

    private Csc() {
    }

    static boolean applies(UriInfo uri) {
        return CscProblemStyle.onCscRoute(uri);
    }

    static Response error(DomainException e) {
        return switch (e.code()) {
            case PASSPHRASE_WRONG -> body(400, "invalid_pin", e.getMessage());
            case PASSPHRASE_REQUIRED -> body(400, "invalid_request", "Missing authData PIN (the passphrase)");
            case AUTHORIZATION_INVALID -> body(400, "invalid_request", "Invalid SAD: unknown, used, expired, or not for these hashes");
            case CREDENTIAL_UNKNOWN -> body(400, "invalid_request", "Invalid parameter credentialID");
            case UNAUTHENTICATED -> body(401, "invalid_token", e.getMessage());
            case CREDENTIAL_LOCKED -> body(403, "access_denied", "The credential is locked: " + e.getMessage());
            case CERTIFICATE_NOT_ACTIVE -> body(403, "access_denied", "The credential's certificate is not valid: " + e.getMessage());
            case FORBIDDEN -> body(403, "access_denied", e.getMessage());
            case CREDENTIAL_BUSY, SIGNING_UNAVAILABLE -> body(503, "temporarily_unavailable", e.getMessage());
            default -> body(switch (e.code().kind()) {
                case UNAVAILABLE -> 503;
                case THROTTLED -> 429;
                case TOO_LARGE -> 413;
                default -> 400;
            }, "invalid_request", e.getMessage());
        };
    }

    static Response body(int status, String error, String description) {
        return CscProblemStyle.body(status, error, description);
    }

    /** The framework's failures (no or bad token, malformed JSON, unknown route) on these routes, in CSC's shape too. */
    @ApplicationScoped
    static class Style extends CscProblemStyle {
    }
}
