package id.teken.activation.adapter.out.persistence;

import static id.teken.kit.persistence.SqlRows.instant;

import id.teken.activation.application.port.in.ReviewActivationsUseCase.AuditEntry;
import id.teken.activation.application.port.out.VerifierAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** The audit trail in table verifier_audit (insert and read only); each entry also goes into the audit chain. */
@ApplicationScoped
public class VerifierAuditAdapter implements VerifierAudit {

    @Inject
    EntityManager entityManager;

    @Inject
    id.teken.kit.audit.AuditChain chain;

    @Override
    public void record(AuditEntry e) {
        entityManager.createNativeQuery("INSERT INTO verifier_audit (at, actor_nip, action, activation_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, Timestamp.from(e.at())).setParameter(2, e.actorNip()).setParameter(3, e.action())
                .setParameter(4, e.activationId()).setParameter(5, e.detail()).executeUpdate();
        chain.append(e.actorNip(), "verifier." + e.action(), e.activationId() == null ? null : e.activationId().toString(), e.detail());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AuditEntry> latest(int limit) {
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT at, actor_nip, action, activation_id, detail FROM verifier_audit ORDER BY at DESC, id DESC LIMIT ?1")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new AuditEntry(instant(r[0]), (String) r[1], (String) r[2], (UUID) r[3], (String) r[4])).toList();
    }
}
