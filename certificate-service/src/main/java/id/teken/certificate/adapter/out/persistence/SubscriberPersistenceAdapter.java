package id.teken.certificate.adapter.out.persistence;

import id.teken.certificate.application.port.out.SubscriberRepository;
import id.teken.certificate.domain.Subscriber;
import id.teken.certificate.domain.SubscriberIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

import static id.teken.kit.persistence.SqlRows.instant;
import static id.teken.kit.persistence.SqlRows.timestamp;

/** Table subscriber: activated identities, one row per NIP (native SQL through the EntityManager). */
@ApplicationScoped
public class SubscriberPersistenceAdapter implements SubscriberRepository {

    @Inject
    EntityManager em;
    @Override
    @SuppressWarnings("unchecked")
    public Optional<Subscriber> find(String nip) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT nip, registration_id, nik, nama, email_dinas, instansi, unit_organisasi, jabatan, provinsi, activated_at,
                          contract_ends_at
                        FROM subscriber WHERE nip = ?1""").setParameter(1, nip).getResultList();
        return rows.stream().findFirst().map(r -> new Subscriber((String) r[0], (String) r[1], new SubscriberIdentity(
                (String) r[0], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                (String) r[8]), instant(r[9]), r[10] == null ? null : instant(r[10])));
    }

    @Override
    public void save(Subscriber s) {
        SubscriberIdentity i = s.identity();
        em.createNativeQuery("""
                        INSERT INTO subscriber (nip, registration_id, nik, nama, email_dinas, instansi, unit_organisasi, jabatan, provinsi, activated_at,
                          contract_ends_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS TIMESTAMPTZ))
                        ON CONFLICT (nip) DO UPDATE SET registration_id = EXCLUDED.registration_id, nik = EXCLUDED.nik,
                          nama = EXCLUDED.nama, email_dinas = EXCLUDED.email_dinas, instansi = EXCLUDED.instansi,
                          unit_organisasi = EXCLUDED.unit_organisasi, jabatan = EXCLUDED.jabatan, provinsi = EXCLUDED.provinsi,
                          activated_at = EXCLUDED.activated_at, contract_ends_at = EXCLUDED.contract_ends_at""")
                .setParameter(1, s.nip()).setParameter(2, s.registrationId()).setParameter(3, i.nik()).setParameter(4, i.nama())
                .setParameter(5, i.emailDinas()).setParameter(6, i.instansi()).setParameter(7, i.unitOrganisasi())
                .setParameter(8, i.jabatan()).setParameter(9, i.provinsi()).setParameter(10, timestamp(s.activatedAt()))
                .setParameter(11, s.contractEndsAt() == null ? null : timestamp(s.contractEndsAt()))
                .executeUpdate();
    }
}
