package id.teken.registration.adapter.out.persistence;

import static id.teken.kit.persistence.SqlRows.instant;

import id.teken.registration.application.port.out.PasswordResetRequests;
import id.teken.registration.domain.Nip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Table password_reset_request; claims with FOR UPDATE SKIP LOCKED. */
@ApplicationScoped
public class PasswordResetRequestsAdapter implements PasswordResetRequests {

    @Inject
    EntityManager em;

    @Override
    public void enqueue(Nip nip, Instant at) {
        em.createNativeQuery("INSERT INTO password_reset_request (nip, requested_at) VALUES (?1, ?2)")
                .setParameter(1, nip.value()).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Pending> claim(int max) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, nip, requested_at FROM password_reset_request ORDER BY id "
                + "LIMIT ?1 FOR UPDATE SKIP LOCKED").setParameter(1, max).getResultList();
        return rows.stream().map(r -> new Pending(((Number) r[0]).longValue(), new Nip((String) r[1]), instant(r[2]))).toList();
    }

    @Override
    public void delete(long id) {
        em.createNativeQuery("DELETE FROM password_reset_request WHERE id = ?1").setParameter(1, id).executeUpdate();
    }
}
