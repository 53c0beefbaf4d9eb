package id.teken.signing.adapter.out.persistence;

import static id.teken.kit.persistence.SqlRows.instant;

import id.teken.signing.application.port.out.SystemClients;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.SignerScope;
import id.teken.signing.domain.SystemClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table system_client through the EntityManager (lists kept as newline-separated text). */
@ApplicationScoped
public class SystemClientsAdapter implements SystemClients {

    private static final String COLUMNS = "id, username, secret_hash, description, allowed_ips, enabled, created_by, created_at, "
            + "updated_at, scope_all, scope_units, scope_signers, qr_origins, disabled_reason, sign_totp";

    @Inject
    EntityManager em;

    @Override
    public void insert(SystemClient c) {
        try {
            em.createNativeQuery("INSERT INTO system_client (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
                    .setParameter(1, c.id()).setParameter(2, c.username()).setParameter(3, c.secretHash())
                    .setParameter(4, c.description()).setParameter(5, String.join(",", c.allowedIps())).setParameter(6, c.enabled())
                    .setParameter(7, c.createdBy()).setParameter(8, Timestamp.from(c.createdAt()))
                    .setParameter(9, Timestamp.from(c.updatedAt())).setParameter(10, c.scope().allSigners())
                    .setParameter(11, lines(c.scope().units())).setParameter(12, lines(c.scope().signers()))
                    .setParameter(13, lines(c.qrOrigins())).setParameter(14, c.disabledReason())
                    .setParameter(15, c.signTotp().name()).executeUpdate();
        } catch (PersistenceException e) {
            throw new DomainException(ErrorCode.CLIENT_EXISTS, "username \"" + c.username() + "\" sudah dipakai.");
        }
    }

    @Override
    public void update(SystemClient c) {
        em.createNativeQuery("UPDATE system_client SET secret_hash = ?2, description = ?3, allowed_ips = ?4, enabled = ?5, updated_at = ?6, "
                        + "scope_all = ?7, scope_units = ?8, scope_signers = ?9, qr_origins = ?10, disabled_reason = ?11, "
                        + "sign_totp = ?12 WHERE id = ?1")
                .setParameter(1, c.id()).setParameter(2, c.secretHash()).setParameter(3, c.description())
                .setParameter(4, String.join(",", c.allowedIps())).setParameter(5, c.enabled())
                .setParameter(6, Timestamp.from(c.updatedAt())).setParameter(7, c.scope().allSigners())
                .setParameter(8, lines(c.scope().units())).setParameter(9, lines(c.scope().signers()))
                .setParameter(10, lines(c.qrOrigins())).setParameter(11, c.disabledReason())
                .setParameter(12, c.signTotp().name()).executeUpdate();
    }

    @Override
    public boolean disable(String username, String reason, Instant at) {
        return em.createNativeQuery("UPDATE system_client SET enabled = FALSE, disabled_reason = ?2, updated_at = ?3 "
                        + "WHERE username = ?1 AND enabled")
                .setParameter(1, username).setParameter(2, reason).setParameter(3, Timestamp.from(at)).executeUpdate() == 1;
    }

    @Override
    public Optional<SystemClient> find(UUID id) {
        return query("WHERE id = ?1", id).stream().findFirst();
    }

    @Override
    public Optional<SystemClient> findByUsername(String username) {
        return query("WHERE username = ?1", username).stream().findFirst();
    }

    @Override
    public List<SystemClient> list() {
        return query("ORDER BY username", null);
    }

    @SuppressWarnings("unchecked")
    private List<SystemClient> query(String where, Object parameter) {
        var q = em.createNativeQuery("SELECT " + COLUMNS + " FROM system_client " + where);
        if (parameter != null) {
            q.setParameter(1, parameter);
        }
        return ((List<Object[]>) q.getResultList()).stream().map(r -> new SystemClient((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], Arrays.asList(((String) r[4]).split(",")), (Boolean) r[5], (String) r[6], instant(r[7]), instant(r[8]),
                new SignerScope((Boolean) r[9], split((String) r[10]), split((String) r[11])), split((String) r[12]), (String) r[13],
                SystemClient.SignTotp.valueOf((String) r[14])))
                .toList();
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
