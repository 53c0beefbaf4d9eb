package id.teken.signing.application.port.out;

import id.teken.signing.domain.SystemClient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored system clients. {@link #insert} refuses a taken username with CLIENT_EXISTS. */
public interface SystemClients {

    void insert(SystemClient client);

    void update(SystemClient client);

    /** Turns an enabled client off (one atomic update); false when it was off already. */
    boolean disable(String username, String reason, Instant at);

    Optional<SystemClient> find(UUID id);

    Optional<SystemClient> findByUsername(String username);

    List<SystemClient> list();
}
