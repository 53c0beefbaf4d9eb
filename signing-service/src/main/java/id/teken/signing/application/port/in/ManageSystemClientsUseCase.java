package id.teken.signing.application.port.in;

import id.teken.signing.domain.SignerScope;
import id.teken.signing.domain.SystemClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * ADMIN: system clients (credentials shown once, IP allow-list, enable flag, for whom they may sign, the origins their QR
 * codes may open), every change audited; and their authentication.
 */
public interface ManageSystemClientsUseCase {

    /** A new client with a fresh secret; the secret is returned here only. A client without a scope signs for nobody. */
    CreatedClient create(NewClient client, String adminNip);

    List<SystemClient> list();

    /** Fields left null stay as they are. */
    SystemClient update(UUID id, ClientChanges changes, String adminNip);

    /** A new secret (the old one stops working at once); returned here only. */
    CreatedClient rotateSecret(UUID id, String adminNip);

    /** The newest audit entries (at most 500). */
    List<AuditEntry> audit(int limit);

    /** Forgets client failures older than the failure budget's window; how many. */
    int forgetOldFailures();

    /** Basic credentials from this address -> the client, or CLIENT_UNAUTHENTICATED (same answer for every reason). */
    SystemClient authenticate(String username, String secret, String address);

    /**
     * A client the gateway has already authenticated (its assertion checked by the caller) -> the client, if it still
     * exists, is enabled and may call from this address; else CLIENT_UNAUTHENTICATED.
     */
    SystemClient asserted(String username, String address);

    /** What an ADMIN gives for a new client. */
    record NewClient(String username, String description, List<String> allowedIps, Boolean enabled, SignerScope scope,
                     List<String> qrOrigins, id.teken.signing.domain.SystemClient.SignTotp signTotp) {
    }

    /** What an ADMIN changes; null = unchanged. */
    record ClientChanges(String description, List<String> allowedIps, Boolean enabled, SignerScope scope, List<String> qrOrigins,
                         id.teken.signing.domain.SystemClient.SignTotp signTotp) {
    }

    /** The client and its one-time secret. */
    record CreatedClient(SystemClient client, String secret) {
    }

    /** One audited action. */
    record AuditEntry(Instant at, String actorNip, String action, String clientUsername, String detail) {
    }
}
