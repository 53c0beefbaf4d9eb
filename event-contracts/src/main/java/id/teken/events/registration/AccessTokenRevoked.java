package id.teken.events.registration;

import java.time.Instant;

/**
 * An access token was revoked before it expired (sign-out, the CSC API's auth/revoke). Key: the token's id (jti). Every
 * service that accepts access tokens refuses this one from then on, until {@code expiresAt}, after which it is refused
 * anyway. Never the token itself.
 */
public record AccessTokenRevoked(
        String tokenId,
        String nip,
        Instant expiresAt,
        Instant revokedAt) {
}
