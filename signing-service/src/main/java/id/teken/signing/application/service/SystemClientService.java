package id.teken.signing.application.service;

import id.teken.signing.application.port.in.ManageSystemClientsUseCase;
import id.teken.signing.application.port.out.AdminAudit;
import id.teken.signing.application.port.out.ClientFailures;
import id.teken.signing.application.port.out.SystemClients;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.SignerScope;
import id.teken.signing.domain.SystemClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * System clients. Secrets are 256 random bits shown once; only their SHA-256 is stored (a high-entropy secret needs no
 * slow hash) and compared in constant time. Unknown user, wrong secret, disabled client and foreign address all get the
 * same CLIENT_UNAUTHENTICATED, so a caller learns nothing about which it was. Every ADMIN change is audited in the same
 * transaction.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SystemClientService implements ManageSystemClientsUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DUMMY_HASH = sha256("no-such-client");

    private final SystemClients clients;
    private final AdminAudit audit;
    private final ClientFailures failures;
    private final Clock clock;

    @Override
    @Transactional
    public int forgetOldFailures() {
        return failures.deleteBefore(clock.instant().minus(ClientBudget.DISABLE_WINDOW).minus(java.time.Duration.ofHours(1)));
    }

    @Override
    @Transactional
    public CreatedClient create(NewClient c, String adminNip) {
        String name = SystemClient.username(c.username());
        String secret = newSecret();
        Instant now = clock.instant();
        SystemClient client = new SystemClient(UUID.randomUUID(), name, sha256(secret), SystemClient.description(c.description()),
                SystemClient.allowedIps(c.allowedIps()), c.enabled() == null || c.enabled(), adminNip, now, now,
                c.scope() == null ? SignerScope.NOBODY : c.scope(), SystemClient.qrOrigins(c.qrOrigins()), null, c.signTotp());
        if (clients.findByUsername(name).isPresent()) {
            throw new DomainException(ErrorCode.CLIENT_EXISTS, "username \"" + name + "\" sudah dipakai.");
        }
        clients.insert(client);
        record(adminNip, "CREATE", client, describe(client));
        return new CreatedClient(client, secret);
    }

    @Override
    public List<SystemClient> list() {
        return clients.list();
    }

    @Override
    @Transactional
    public SystemClient update(UUID id, ClientChanges ch, String adminNip) {
        SystemClient c = find(id);
        boolean enabled = ch.enabled() == null ? c.enabled() : ch.enabled();
        SystemClient updated = new SystemClient(c.id(), c.username(), c.secretHash(),
                ch.description() == null ? c.description() : SystemClient.description(ch.description()),
                ch.allowedIps() == null ? c.allowedIps() : SystemClient.allowedIps(ch.allowedIps()), enabled,
                c.createdBy(), c.createdAt(), clock.instant(), ch.scope() == null ? c.scope() : ch.scope(),
                ch.qrOrigins() == null ? c.qrOrigins() : SystemClient.qrOrigins(ch.qrOrigins()),
                enabled ? null : ch.enabled() != null ? "disabled by " + adminNip : c.disabledReason(),
                ch.signTotp() == null ? c.signTotp() : ch.signTotp());
        clients.update(updated);
        if (enabled && !c.enabled()) {
            failures.clear(c.username());   // turned on again: a fresh failure budget
        }
        record(adminNip, "UPDATE", updated, describe(updated));
        return updated;
    }

    @Override
    @Transactional
    public CreatedClient rotateSecret(UUID id, String adminNip) {
        SystemClient c = find(id);
        String secret = newSecret();
        SystemClient updated = new SystemClient(c.id(), c.username(), sha256(secret), c.description(), c.allowedIps(), c.enabled(),
                c.createdBy(), c.createdAt(), clock.instant(), c.scope(), c.qrOrigins(), c.disabledReason(), c.signTotp());
        clients.update(updated);
        record(adminNip, "ROTATE_SECRET", updated, null);
        return new CreatedClient(updated, secret);
    }

    @Override
    @Transactional
    public List<AuditEntry> audit(int limit) {
        return audit.latest(Math.max(1, Math.min(limit, 500))).stream()
                .map(e -> new AuditEntry(e.at(), e.actorNip(), e.action(), e.clientUsername(), e.detail())).toList();
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

    private SystemClient find(UUID id) {
        return clients.find(id).orElseThrow(() -> new DomainException(ErrorCode.CLIENT_NOT_FOUND, "Aplikasi klien tidak ditemukan."));
    }

    private void record(String adminNip, String action, SystemClient client, String detail) {
        audit.record(new AdminAudit.Entry(clock.instant(), adminNip, action, client.username(), detail));
    }

    /** What the audit keeps of a client's settings (never the secret or its hash). */
    private static String describe(SystemClient c) {
        List<String> parts = new ArrayList<>();
        parts.add("enabled=" + c.enabled());
        parts.add("allowedIps=" + c.allowedIps());
        parts.add(c.scope().allSigners() ? "scope=ALL" : "scope.units=" + c.scope().units() + " scope.signers=" + c.scope().signers().size());
        parts.add("qrOrigins=" + c.qrOrigins());
        parts.add("signTotp=" + c.signTotp());
        return String.join("; ", parts);
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
