package id.teken.signing.adapter.out.persistence;

import id.teken.kit.persistence.SqlRows;

import id.teken.signing.application.port.out.ClientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Table client_failure through the EntityManager. */
@ApplicationScoped
public class ClientFailuresAdapter implements ClientFailures {

    @Inject
    EntityManager em;

    @Override
    public void record(String clientUsername, String code, Instant at) {
        em.createNativeQuery("INSERT INTO client_failure (client_username, at, code) VALUES (?1, ?2, ?3)")
                .setParameter(1, clientUsername).setParameter(2, Timestamp.from(at)).setParameter(3, code).executeUpdate();
    }

    @Override
    public long countSince(String clientUsername, Instant since) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM client_failure WHERE client_username = ?1 AND at >= ?2")
                .setParameter(1, clientUsername).setParameter(2, Timestamp.from(since)).getSingleResult()).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Instant> oldestSince(String clientUsername, Instant since) {
        List<Object> rows = em.createNativeQuery("SELECT min(at) FROM client_failure WHERE client_username = ?1 AND at >= ?2")
                .setParameter(1, clientUsername).setParameter(2, Timestamp.from(since)).getResultList();
        return rows.stream().filter(r -> r != null).findFirst().map(SqlRows::instant);
    }

    @Override
    public void clear(String clientUsername) {
        em.createNativeQuery("DELETE FROM client_failure WHERE client_username = ?1").setParameter(1, clientUsername).executeUpdate();
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM client_failure WHERE at < ?1").setParameter(1, Timestamp.from(cutoff)).executeUpdate();
    }
}
