package id.teken.certificate.adapter.out.persistence;

import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.CrlStore;
import id.teken.certificate.application.port.out.PassphraseLinks;
import id.teken.certificate.application.port.out.SubscriberRepository;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.PassphraseLink;
import id.teken.certificate.domain.RevocationReason;
import id.teken.certificate.domain.Subscriber;
import id.teken.certificate.domain.SubscriberIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.teken.certificate.adapter.out.persistence.Rows.instant;
import static id.teken.certificate.adapter.out.persistence.Rows.timestamp;

/**
 * Subscribers, credentials, passphrase links and CRLs in PostgreSQL (native SQL through the EntityManager). A credential's
 * status only changes by compare-and-set on the status it was read with.
 */
@ApplicationScoped
public class CertificatePersistenceAdapter implements SubscriberRepository, CredentialRepository, PassphraseLinks, CrlStore,
        id.teken.certificate.application.port.out.VerifierAudit {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Subscriber> find(String nip) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT nip, registration_id, nik, nama, email_dinas, instansi, unit_organisasi, jabatan, provinsi, activated_at
                        FROM subscriber WHERE nip = ?1""").setParameter(1, nip).getResultList();
        return rows.stream().findFirst().map(r -> new Subscriber((String) r[0], (String) r[1], new SubscriberIdentity(
                (String) r[0], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                (String) r[8]), instant(r[9])));
    }

    @Override
    public void save(Subscriber s) {
        SubscriberIdentity i = s.identity();
        em.createNativeQuery("""
                        INSERT INTO subscriber (nip, registration_id, nik, nama, email_dinas, instansi, unit_organisasi, jabatan, provinsi, activated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        ON CONFLICT (nip) DO UPDATE SET registration_id = EXCLUDED.registration_id, nik = EXCLUDED.nik,
                          nama = EXCLUDED.nama, email_dinas = EXCLUDED.email_dinas, instansi = EXCLUDED.instansi,
                          unit_organisasi = EXCLUDED.unit_organisasi, jabatan = EXCLUDED.jabatan, provinsi = EXCLUDED.provinsi,
                          activated_at = EXCLUDED.activated_at""")
                .setParameter(1, s.nip()).setParameter(2, s.registrationId()).setParameter(3, i.nik()).setParameter(4, i.nama())
                .setParameter(5, i.emailDinas()).setParameter(6, i.instansi()).setParameter(7, i.unitOrganisasi())
                .setParameter(8, i.jabatan()).setParameter(9, i.provinsi()).setParameter(10, timestamp(s.activatedAt()))
                .executeUpdate();
    }

    @Override
    public void insert(Credential c) {
        em.createNativeQuery("""
                        INSERT INTO credential (id, nip, serial_number, subject_dn, certificate_pem, not_before, not_after, status,
                          revocation_reason, revoked_at, sealed_key, agreement_version, agreement_accepted_at, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                .setParameter(1, c.id()).setParameter(2, c.nip()).setParameter(3, c.serialNumber()).setParameter(4, c.subjectDn())
                .setParameter(5, c.certificatePem()).setParameter(6, timestamp(c.notBefore())).setParameter(7, timestamp(c.notAfter()))
                .setParameter(8, c.status().name()).setParameter(9, c.revocationReason() == null ? null : c.revocationReason().name())
                .setParameter(10, timestamp(c.revokedAt())).setParameter(11, c.sealedKey()).setParameter(12, c.agreementVersion())
                .setParameter(13, timestamp(c.agreementAcceptedAt())).setParameter(14, timestamp(c.createdAt()))
                .executeUpdate();
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
        return credentials("WHERE status = 'ACTIVE' AND not_after < ?1", timestamp(instant));
    }

    @Override
    public boolean markReminded(UUID credentialId, int days) {
        return em.createNativeQuery("UPDATE credential SET reminded_days = ?1 WHERE id = ?2 AND (reminded_days IS NULL OR reminded_days > ?1)")
                .setParameter(1, days).setParameter(2, credentialId).executeUpdate() == 1;
    }

    @Override
    public void record(Instant at, String actorNip, String action, String serialNumber, String detail) {
        em.createNativeQuery("INSERT INTO verifier_audit (at, actor_nip, action, serial_number, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, timestamp(at)).setParameter(2, actorNip).setParameter(3, action).setParameter(4, serialNumber)
                .setParameter(5, detail).executeUpdate();
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

    @Override
    public void save(PassphraseLink l) {
        em.createNativeQuery("""
                        INSERT INTO passphrase_link (token_hash, nip, purpose, created_at, expires_at, used_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, l.tokenHash()).setParameter(2, l.nip()).setParameter(3, l.purpose().name())
                .setParameter(4, timestamp(l.createdAt())).setParameter(5, timestamp(l.expiresAt())).setParameter(6, timestamp(l.usedAt()))
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<PassphraseLink> findByTokenHash(String tokenHash) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT token_hash, nip, purpose, created_at, expires_at, used_at FROM passphrase_link WHERE token_hash = ?1")
                .setParameter(1, tokenHash).getResultList();
        return rows.stream().findFirst().map(r -> new PassphraseLink((String) r[0], (String) r[1],
                PassphraseLink.Purpose.valueOf((String) r[2]), instant(r[3]), instant(r[4]), instant(r[5])));
    }

    @Override
    public boolean markUsed(String tokenHash, Instant now) {
        return em.createNativeQuery("UPDATE passphrase_link SET used_at = ?1 WHERE token_hash = ?2 AND used_at IS NULL")
                .setParameter(1, timestamp(now)).setParameter(2, tokenHash).executeUpdate() == 1;
    }

    @Override
    public void retireOthers(String nip, Instant now) {
        em.createNativeQuery("UPDATE passphrase_link SET used_at = ?1 WHERE nip = ?2 AND used_at IS NULL")
                .setParameter(1, timestamp(now)).setParameter(2, nip).executeUpdate();
    }

    @Override
    public long countIssuedSince(String nip, PassphraseLink.Purpose purpose, Instant since) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM passphrase_link WHERE nip = ?1 AND purpose = ?2 AND created_at >= ?3")
                .setParameter(1, nip).setParameter(2, purpose.name()).setParameter(3, timestamp(since)).getSingleResult()).longValue();
    }

    @Override
    public long nextNumber(Issuer issuer) {
        return ((Number) em.createNativeQuery(issuer == Issuer.ROOT ? "SELECT nextval('root_crl_number')" : "SELECT nextval('crl_number')")
                .getSingleResult()).longValue();
    }

    @Override
    public void save(Issuer issuer, long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
        em.createNativeQuery("INSERT INTO crl (issuer, number, this_update, next_update, der) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, issuer.name().toLowerCase(java.util.Locale.ROOT)).setParameter(2, number)
                .setParameter(3, timestamp(thisUpdate)).setParameter(4, timestamp(nextUpdate)).setParameter(5, der).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<byte[]> latest(Issuer issuer) {
        List<byte[]> rows = em.createNativeQuery("SELECT der FROM crl WHERE issuer = ?1 ORDER BY number DESC LIMIT 1")
                .setParameter(1, issuer.name().toLowerCase(java.util.Locale.ROOT)).getResultList();
        return rows.stream().findFirst();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Instant> latestThisUpdate(Issuer issuer) {
        List<Object> rows = em.createNativeQuery("SELECT this_update FROM crl WHERE issuer = ?1 ORDER BY number DESC LIMIT 1")
                .setParameter(1, issuer.name().toLowerCase(java.util.Locale.ROOT)).getResultList();
        return rows.stream().findFirst().map(Rows::instant);
    }
}
