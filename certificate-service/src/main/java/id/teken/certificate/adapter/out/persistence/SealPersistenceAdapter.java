package id.teken.certificate.adapter.out.persistence;

import id.teken.certificate.application.port.out.SealRepository;
import id.teken.certificate.domain.SealSubscriber;
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

/** Tables seal_subscriber, seal_activation and seal_code; every count and spend is one conditional statement. */
@ApplicationScoped
@Transactional
public class SealPersistenceAdapter implements SealRepository {

    private static final String COLUMNS = "id, unit_name, email, instansi, created_by, created_at";

    @Inject
    EntityManager em;

    @Override
    public boolean insert(SealSubscriber s) {
        return em.createNativeQuery("INSERT INTO seal_subscriber (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, s.id()).setParameter(2, s.unitName()).setParameter(3, s.email()).setParameter(4, s.instansi())
                .setParameter(5, s.createdBy()).setParameter(6, timestamp(s.createdAt())).executeUpdate() == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<SealSubscriber> find(String id) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM seal_subscriber WHERE id = ?1").setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(SealPersistenceAdapter::row);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<SealSubscriber> findByUnit(String unitName) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM seal_subscriber WHERE lower(unit_name) = lower(?1)")
                .setParameter(1, unitName).getResultList();
        return rows.stream().findFirst().map(SealPersistenceAdapter::row);
    }

    @Override
    public void updateEmail(String id, String email) {
        em.createNativeQuery("UPDATE seal_subscriber SET email = ?1 WHERE id = ?2").setParameter(1, email).setParameter(2, id).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SealSubscriber> all() {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM seal_subscriber ORDER BY created_at").getResultList();
        return rows.stream().map(SealPersistenceAdapter::row).toList();
    }

    @Override
    public boolean putActivation(String sealId, String channel, String codeHash, Instant mailedAt, Instant expiresAt, Instant notMailedSince) {
        // One statement: a new row, or the earlier one replaced unless it was mailed within the last minute.
        return em.createNativeQuery("""
                        INSERT INTO seal_activation (seal_id, channel, code_hash, mailed_at, expires_at, wrong_codes)
                        VALUES (?1, ?2, ?3, ?4, ?5, 0)
                        ON CONFLICT (seal_id, channel) DO UPDATE SET code_hash = EXCLUDED.code_hash, mailed_at = EXCLUDED.mailed_at,
                          expires_at = EXCLUDED.expires_at, wrong_codes = 0
                        WHERE seal_activation.mailed_at < ?6""")
                .setParameter(1, sealId).setParameter(2, channel).setParameter(3, codeHash).setParameter(4, timestamp(mailedAt))
                .setParameter(5, timestamp(expiresAt)).setParameter(6, timestamp(notMailedSince)).executeUpdate() == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> activationHash(String sealId, String channel, Instant now) {
        List<Object> rows = em.createNativeQuery("SELECT code_hash FROM seal_activation WHERE seal_id = ?1 AND channel = ?2 "
                        + "AND expires_at > ?3")
                .setParameter(1, sealId).setParameter(2, channel).setParameter(3, timestamp(now)).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    @Override
    public boolean renewActivation(String sealId, String channel, Instant now, Instant expiresAt) {
        return em.createNativeQuery("UPDATE seal_activation SET expires_at = ?1 WHERE seal_id = ?2 AND channel = ?3 AND expires_at > ?4")
                .setParameter(1, timestamp(expiresAt)).setParameter(2, sealId).setParameter(3, channel).setParameter(4, timestamp(now))
                .executeUpdate() == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int countWrongCode(String sealId, String channel, int limit) {
        List<Object> counted = em.createNativeQuery("UPDATE seal_activation SET wrong_codes = wrong_codes + 1 WHERE seal_id = ?1 "
                        + "AND channel = ?2 RETURNING wrong_codes")
                .setParameter(1, sealId).setParameter(2, channel).getResultList();
        int wrong = counted.isEmpty() ? limit : ((Number) counted.get(0)).intValue();
        if (wrong >= limit) {
            deleteActivation(sealId, channel);
        }
        return wrong;
    }

    @Override
    public void deleteActivation(String sealId, String channel) {
        em.createNativeQuery("DELETE FROM seal_activation WHERE seal_id = ?1 AND channel = ?2").setParameter(1, sealId)
                .setParameter(2, channel).executeUpdate();
        em.createNativeQuery("DELETE FROM seal_code WHERE seal_id = ?1 AND channel = ?2").setParameter(1, sealId)
                .setParameter(2, channel).executeUpdate();
    }

    @Override
    public void deleteActivations(String sealId) {
        em.createNativeQuery("DELETE FROM seal_activation WHERE seal_id = ?1").setParameter(1, sealId).executeUpdate();
        em.createNativeQuery("DELETE FROM seal_code WHERE seal_id = ?1").setParameter(1, sealId).executeUpdate();
    }

    @Override
    public void insertCode(UUID id, String sealId, String channel, String codeHash, int documents, Instant createdAt, Instant expiresAt) {
        // Spent and expired codes of this client go as a new one comes.
        em.createNativeQuery("DELETE FROM seal_code WHERE seal_id = ?1 AND channel = ?2 AND (expires_at <= ?3 OR used >= documents)")
                .setParameter(1, sealId).setParameter(2, channel).setParameter(3, timestamp(createdAt)).executeUpdate();
        em.createNativeQuery("INSERT INTO seal_code (id, seal_id, channel, code_hash, documents, used, created_at, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7)")
                .setParameter(1, id).setParameter(2, sealId).setParameter(3, channel).setParameter(4, codeHash).setParameter(5, documents)
                .setParameter(6, timestamp(createdAt)).setParameter(7, timestamp(expiresAt)).executeUpdate();
    }

    @Override
    public boolean spendCode(String sealId, String channel, String codeHash, int n, Instant now) {
        return em.createNativeQuery("""
                        UPDATE seal_code SET used = used + ?1
                        WHERE id = (SELECT id FROM seal_code WHERE seal_id = ?2 AND channel = ?3 AND code_hash = ?4 AND expires_at > ?5
                                    AND used + ?1 <= documents ORDER BY created_at LIMIT 1 FOR UPDATE)
                          AND used + ?1 <= documents""")
                .setParameter(1, n).setParameter(2, sealId).setParameter(3, channel).setParameter(4, codeHash)
                .setParameter(5, timestamp(now)).executeUpdate() == 1;
    }

    @Override
    public boolean codeExists(String sealId, String channel, String codeHash, Instant now) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM seal_code WHERE seal_id = ?1 AND channel = ?2 AND code_hash = ?3 "
                        + "AND expires_at > ?4")
                .setParameter(1, sealId).setParameter(2, channel).setParameter(3, codeHash).setParameter(4, timestamp(now))
                .getSingleResult()).longValue() > 0;
    }

    private static SealSubscriber row(Object[] r) {
        return new SealSubscriber((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], instant(r[5]));
    }
}
