package id.teken.certificate.adapter.out.persistence;

import id.teken.certificate.application.port.out.CrlStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static id.teken.kit.persistence.SqlRows.instant;
import static id.teken.kit.persistence.SqlRows.timestamp;

/** Table crl and the CRL number sequences, per issuer (issuing CA, root). */
@ApplicationScoped
public class CrlStoreAdapter implements CrlStore {

    @Inject
    EntityManager em;
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
        return rows.stream().findFirst().map(id.teken.kit.persistence.SqlRows::instant);
    }
}
