package id.teken.certificate.adapter.out.persistence;

import id.teken.certificate.application.port.out.SigningApprovals;
import id.teken.certificate.domain.SigningApproval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.teken.kit.persistence.SqlRows.instant;
import static id.teken.kit.persistence.SqlRows.timestamp;

/** Table signing_approval; approval and wrong codes by conditional updates (the row decides, not a read before). */
@ApplicationScoped
@Transactional
public class SigningApprovalsAdapter implements SigningApprovals {

    private static final String COLUMNS = "id, token_hash, code_hash, nip, channel, client_name, signatures, requested_at, expires_at, "
            + "approved_at, wrong_codes, closed_at, factor";

    @Inject
    EntityManager em;

    @Override
    public void save(SigningApproval a) {
        em.createNativeQuery("INSERT INTO signing_approval (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, a.id()).setParameter(2, a.tokenHash()).setParameter(3, a.codeHash()).setParameter(4, a.nip())
                .setParameter(5, a.channel()).setParameter(6, a.clientName()).setParameter(7, a.signatures())
                .setParameter(8, timestamp(a.requestedAt())).setParameter(9, timestamp(a.expiresAt()))
                .setParameter(10, timestamp(a.approvedAt())).setParameter(11, a.wrongCodes()).setParameter(12, timestamp(a.closedAt()))
                .setParameter(13, a.factor()).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<SigningApproval> findByTokenHash(String tokenHash) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM signing_approval WHERE token_hash = ?1")
                .setParameter(1, tokenHash).getResultList();
        return rows.stream().findFirst().map(SigningApprovalsAdapter::row);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SigningApproval> openFor(String nip, String channel, Instant now) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM signing_approval WHERE nip = ?1 AND channel = ?2 "
                        + "AND closed_at IS NULL AND expires_at > ?3 ORDER BY requested_at DESC LIMIT 20")
                .setParameter(1, nip).setParameter(2, channel).setParameter(3, timestamp(now)).getResultList();
        return rows.stream().map(SigningApprovalsAdapter::row).toList();
    }

    @Override
    public boolean markApproved(UUID id, Instant now) {
        return em.createNativeQuery("UPDATE signing_approval SET approved_at = ?1 WHERE id = ?2 AND approved_at IS NULL "
                        + "AND closed_at IS NULL AND expires_at > ?1")
                .setParameter(1, timestamp(now)).setParameter(2, id).executeUpdate() == 1;
    }

    @Override
    public int countWrongCode(UUID id, Instant now) {
        Object count = em.createNativeQuery("UPDATE signing_approval SET wrong_codes = wrong_codes + 1, "
                        + "closed_at = CASE WHEN wrong_codes + 1 >= ?1 THEN ?2 ELSE closed_at END WHERE id = ?3 RETURNING wrong_codes")
                .setParameter(1, SigningApproval.MAX_WRONG_CODES).setParameter(2, timestamp(now)).setParameter(3, id).getSingleResult();
        return ((Number) count).intValue();
    }

    @Override
    public void close(UUID id, Instant now) {
        em.createNativeQuery("UPDATE signing_approval SET closed_at = ?1 WHERE id = ?2 AND closed_at IS NULL")
                .setParameter(1, timestamp(now)).setParameter(2, id).executeUpdate();
    }

    @Override
    public boolean spend(UUID id, Instant now) {
        return em.createNativeQuery("UPDATE signing_approval SET closed_at = ?1 WHERE id = ?2 AND closed_at IS NULL AND expires_at > ?1")
                .setParameter(1, timestamp(now)).setParameter(2, id).executeUpdate() == 1;
    }

    @Override
    public long countRequestedSince(String nip, String channel, Instant since) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM signing_approval WHERE nip = ?1 AND channel = ?2 AND requested_at >= ?3")
                .setParameter(1, nip).setParameter(2, channel).setParameter(3, timestamp(since)).getSingleResult()).longValue();
    }

    private static SigningApproval row(Object[] r) {
        return new SigningApproval((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                ((Number) r[6]).intValue(), instant(r[7]), instant(r[8]), instant(r[9]), ((Number) r[10]).intValue(), instant(r[11]),
                (Boolean) r[12]);
    }
}
