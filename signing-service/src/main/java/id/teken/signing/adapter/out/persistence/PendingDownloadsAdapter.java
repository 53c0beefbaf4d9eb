package id.teken.signing.adapter.out.persistence;

import id.teken.kit.persistence.SqlRows;

import id.teken.signing.application.port.out.PendingDownloads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table pending_download through the EntityManager. */
@ApplicationScoped
public class PendingDownloadsAdapter implements PendingDownloads {

    @Inject
    EntityManager em;

    @Override
    public void store(UUID documentId, String clientId, String fileName, byte[] pdf, Instant at) {
        em.createNativeQuery("INSERT INTO pending_download (document_id, client_id, file_name, pdf, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, documentId).setParameter(2, clientId).setParameter(3, fileName).setParameter(4, pdf)
                .setParameter(5, Timestamp.from(at)).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Pending> find(UUID documentId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT document_id, client_id, file_name, pdf, created_at, downloaded_at FROM pending_download WHERE document_id = ?1")
                .setParameter(1, documentId).getResultList();
        return rows.stream().findFirst().map(r -> new Pending((UUID) r[0], (String) r[1], (String) r[2], (byte[]) r[3],
                SqlRows.instant(r[4]), r[5] == null ? null : SqlRows.instant(r[5])));
    }

    @Override
    public boolean take(UUID documentId, Instant at) {
        return em.createNativeQuery("UPDATE pending_download SET pdf = NULL, downloaded_at = ?2 WHERE document_id = ?1 AND downloaded_at IS NULL")
                .setParameter(1, documentId).setParameter(2, Timestamp.from(at)).executeUpdate() == 1;
    }

    @Override
    public int dropOlderThan(Instant cutoff) {
        return em.createNativeQuery("UPDATE pending_download SET pdf = NULL WHERE pdf IS NOT NULL AND created_at < ?1")
                .setParameter(1, Timestamp.from(cutoff)).executeUpdate();
    }
}
