package id.teken.signing.application.port.in;

import id.teken.signing.domain.SystemClient;

import java.util.List;
import java.util.UUID;

/** ADMIN: system clients (credentials shown once, IP allow-list, enable flag); and their authentication. */
public interface ManageSystemClientsUseCase {

    /** A new client with a fresh secret; the secret is returned here only. */
    CreatedClient create(String username, String description, List<String> allowedIps, Boolean enabled, String adminNip);

    List<SystemClient> list();

    SystemClient update(UUID id, String description, List<String> allowedIps, Boolean enabled);

    /** A new secret (the old one stops working at once); returned here only. */
    CreatedClient rotateSecret(UUID id);

    /** Basic credentials from this address -> the client, or CLIENT_UNAUTHENTICATED (same answer for every reason). */
    SystemClient authenticate(String username, String secret, String address);

    /**
     * A client the gateway has already authenticated (its assertion checked by the caller) -> the client, if it still
     * exists, is enabled and may call from this address; else CLIENT_UNAUTHENTICATED.
     */
    SystemClient asserted(String username, String address);

    /** The client and its one-time secret. */
    record CreatedClient(SystemClient client, String secret) {
    }
}
