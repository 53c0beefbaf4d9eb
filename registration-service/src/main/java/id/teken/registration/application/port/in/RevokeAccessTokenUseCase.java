package id.teken.registration.application.port.in;

import id.teken.registration.domain.Nip;

import java.time.Instant;

/**
 * Revokes an access token before it expires (the portal's Keluar, the CSC API's auth/revoke): recorded with an event in
 * one transaction; every service refuses the token from then on (the event reaches them in about a second; this service at
 * once). Revoking a token twice changes nothing.
 */
public interface RevokeAccessTokenUseCase {

    void revoke(RevokeCommand command);

    /** The token's id (jti), its owner and when it expires. */
    record RevokeCommand(String tokenId, Nip nip, Instant expiresAt) {
    }
}
