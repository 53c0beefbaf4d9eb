package id.teken.signing.application.service;

import id.teken.signing.application.port.in.ManageSystemClientsUseCase;
import id.teken.signing.application.port.out.SystemClients;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.SystemClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * System clients. Secrets are 256 random bits shown once; only their SHA-256 is stored (a high-entropy secret needs no
 * slow hash) and compared in constant time. Unknown user, wrong secret, disabled client and foreign address all get the
 * same CLIENT_UNAUTHENTICATED, so a caller learns nothing about which it was.
 */
@ApplicationScoped
public class SystemClientService implements ManageSystemClientsUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DUMMY_HASH = sha256("no-such-client");

    private final SystemClients clients;
    private final Clock clock;

    @Inject
    public SystemClientService(SystemClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CreatedClient create(String username, String description, List<String> allowedIps, Boolean enabled, String adminNip) {
        String name = SystemClient.username(username);
        String secret = newSecret();
        SystemClient client = new SystemClient(UUID.randomUUID(), name, sha256(secret), SystemClient.description(description),
                SystemClient.allowedIps(allowedIps), enabled == null || enabled, adminNip, clock.instant(), clock.instant());
        if (clients.findByUsername(name).isPresent()) {
            throw new DomainException(ErrorCode.CLIENT_EXISTS, "username \"" + name + "\" sudah dipakai.");
        }
        clients.insert(client);
        return new CreatedClient(client, secret);
    }

    @Override
    public List<SystemClient> list() {
        return clients.list();
    }

    @Override
    @Transactional
    public SystemClient update(UUID id, String description, List<String> allowedIps, Boolean enabled) {
        SystemClient c = clients.find(id).orElseThrow(() -> new DomainException(ErrorCode.CLIENT_NOT_FOUND, "Aplikasi klien tidak ditemukan."));
        SystemClient updated = new SystemClient(c.id(), c.username(), c.secretHash(),
                description == null ? c.description() : SystemClient.description(description),
                allowedIps == null ? c.allowedIps() : SystemClient.allowedIps(allowedIps), enabled == null ? c.enabled() : enabled,
                c.createdBy(), c.createdAt(), clock.instant());
        clients.update(updated);
        return updated;
    }

    @Override
    @Transactional
    public CreatedClient rotateSecret(UUID id) {
        SystemClient c = clients.find(id).orElseThrow(() -> new DomainException(ErrorCode.CLIENT_NOT_FOUND, "Aplikasi klien tidak ditemukan."));
        String secret = newSecret();
        SystemClient updated = new SystemClient(c.id(), c.username(), sha256(secret), c.description(), c.allowedIps(), c.enabled(),
                c.createdBy(), c.createdAt(), clock.instant());
        clients.update(updated);
        return new CreatedClient(updated, secret);
    }

    @Override
    public SystemClient authenticate(String username, String secret, String address) {
        SystemClient client = username == null || username.length() > 64 ? null
                : clients.findByUsername(username.trim().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        String given = sha256(secret == null ? "" : secret);
        boolean secretOk = MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                (client == null ? DUMMY_HASH : client.secretHash()).getBytes(StandardCharsets.US_ASCII));
        if (client == null || !secretOk || !client.enabled() || !client.allows(address)) {
            throw new DomainException(ErrorCode.CLIENT_UNAUTHENTICATED, "Kredensial aplikasi tidak valid, nonaktif, atau alamat IP tidak diizinkan.");
        }
        return client;
    }

    @Override
    public SystemClient asserted(String username, String address) {
        SystemClient client = username == null || username.length() > 64 ? null
                : clients.findByUsername(username.trim().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        if (client == null || !client.enabled() || !client.allows(address)) {
            throw new DomainException(ErrorCode.CLIENT_UNAUTHENTICATED, "Kredensial aplikasi tidak valid, nonaktif, atau alamat IP tidak diizinkan.");
        }
        return client;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
