package id.teken.certificate.adapter.out.persistence;

import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.RevocationReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.teken.kit.persistence.SqlRows.instant;
import static id.teken.kit.persistence.SqlRows.timestamp;

/** Table credential: certificates with their sealed keys; a status changes only by compare-and-set on the status it was read with. */
@ApplicationScoped
public class CredentialPersistenceAdapter implements CredentialRepository {

    @Inject
    EntityManager em;
    @Override
    public void insert(Credential c) {
        insert(c, null);
    }

    private void insert(Credential c, String sealId) {
        em.createNativeQuery("""
                        INSERT INTO credential (id, nip, serial_number, subject_dn, certificate_pem, not_before, not_after, status,
                          revocation_reason, revoked_at, sealed_key, agreement_version, agreement_accepted_at, created_at, seal_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)""")
                .setParameter(1, c.id()).setParameter(2, c.nip()).setParameter(3, c.serialNumber()).setParameter(4, c.subjectDn())
                .setParameter(5, c.certificatePem()).setParameter(6, timestamp(c.notBefore())).setParameter(7, timestamp(c.notAfter()))
                .setParameter(8, c.status().name()).setParameter(9, c.revocationReason() == null ? null : c.revocationReason().name())
                .setParameter(10, timestamp(c.revokedAt())).setParameter(11, c.sealedKey()).setParameter(12, c.agreementVersion())
                .setParameter(13, timestamp(c.agreementAcceptedAt())).setParameter(14, timestamp(c.createdAt()))
                .setParameter(15, sealId).executeUpdate();
    }

    @Override
    public void insertSeal(Credential c, String sealId) {
        insert(c, sealId);
    }

    @Override
    public Optional<Credential> findActiveSeal(String sealId) {
        return credentials("WHERE seal_id = ?1 AND status = 'ACTIVE'", sealId).stream().findFirst();
    }

    @Override
    public List<Credential> findBySeal(String sealId) {
        return credentials("WHERE seal_id = ?1", sealId);
    }

    @Override
    public boolean transition(Credential from, Credential to) {
        if (!from.id().equals(to.id())) {
            throw new IllegalArgumentException("one credential");
        }
        return em.createNativeQuery("""
                        UPDATE credential SET status = ?1, revocation_reason = ?2, revoked_at = ?3
                        WHERE id = ?4 AND status = ?5""")
                .setParameter(1, to.status().name()).setParameter(2, to.revocationReason() == null ? null : to.revocationReason().name())
                .setParameter(3, timestamp(to.revokedAt())).setParameter(4, to.id()).setParameter(5, from.status().name())
                .executeUpdate() == 1;
    }

    @Override
    public boolean replaceSealedKey(UUID id, byte[] expected, byte[] replacement) {
        return em.createNativeQuery("UPDATE credential SET sealed_key = ?1 WHERE id = ?2 AND sealed_key = ?3")
                .setParameter(1, replacement).setParameter(2, id).setParameter(3, expected).executeUpdate() == 1;
    }

    @Override
    public Optional<Credential> findById(UUID id) {
        return credentials("WHERE id = ?1", id).stream().findFirst();
    }

    @Override
    public Optional<Credential> findActive(String nip) {
        return credentials("WHERE nip = ?1 AND status = 'ACTIVE'", nip).stream().findFirst();
    }

    @Override
    public List<Credential> findRevoked() {
        return credentials("WHERE status IN ('REVOKED', 'SUSPENDED')");
    }

    @Override
    public List<Credential> findByNip(String nip) {
        return credentials("WHERE nip = ?1", nip);
    }

    @Override
    public List<Credential> findActiveEndingBefore(Instant instant) {
        return credentials("WHERE status = 'ACTIVE' AND nip IS NOT NULL AND not_after < ?1", timestamp(instant));
    }

    @Override
    public boolean markReminded(UUID credentialId, int days) {
        return em.createNativeQuery("UPDATE credential SET reminded_days = ?1 WHERE id = ?2 AND (reminded_days IS NULL OR reminded_days > ?1)")
                .setParameter(1, days).setParameter(2, credentialId).executeUpdate() == 1;
    }

    @Override
    public Optional<Credential> findBySerial(String serialHex) {
        return credentials("WHERE serial_number = ?1", serialHex).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Credential> credentials(String where, Object... params) {
        jakarta.persistence.Query query = em.createNativeQuery("""
                        SELECT id, nip, serial_number, subject_dn, certificate_pem, not_before, not_after, status, revocation_reason,
                          revoked_at, sealed_key, agreement_version, agreement_accepted_at, created_at
                        FROM credential""" + " " + where + " ORDER BY created_at");
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Credential((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                instant(r[5]), instant(r[6]), Credential.Status.valueOf((String) r[7]),
                r[8] == null ? null : RevocationReason.valueOf((String) r[8]), instant(r[9]), (byte[]) r[10], (String) r[11],
                instant(r[12]), instant(r[13]))).toList();
    }
}
