package id.teken.signing.adapter.out.persistence;

import static id.teken.kit.persistence.SqlRows.instant;

import id.teken.signing.application.port.out.SignerStatuses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Table signer_status through the EntityManager. */
@ApplicationScoped
public class SignerStatusesAdapter implements SignerStatuses {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Optional<SignerStatus> find(String nip) {
        List<Object[]> rows = em.createNativeQuery("SELECT nip, serial_number, status, updated_at FROM signer_status WHERE nip = ?1")
                .setParameter(1, nip).getResultList();
        return rows.stream().findFirst().map(r -> new SignerStatus((String) r[0], (String) r[1], id.teken.signing.domain.CertificateStatus.of((String) r[2])
                .orElseThrow(() -> new IllegalStateException("signer_status holds an unknown status")), instant(r[3])));
    }

    @Override
    public void save(SignerStatus s) {
        em.createNativeQuery("""
                        INSERT INTO signer_status (nip, serial_number, status, updated_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (nip) DO UPDATE SET serial_number = EXCLUDED.serial_number, status = EXCLUDED.status,
                          updated_at = EXCLUDED.updated_at""")
                .setParameter(1, s.nip()).setParameter(2, s.serialNumber()).setParameter(3, s.status().name())
                .setParameter(4, Timestamp.from(s.updatedAt())).executeUpdate();
    }
}
