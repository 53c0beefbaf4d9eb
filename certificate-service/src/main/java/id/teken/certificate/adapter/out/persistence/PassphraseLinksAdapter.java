package id.teken.certificate.adapter.out.persistence;

import id.teken.certificate.application.port.out.PassphraseLinks;
import id.teken.certificate.domain.PassphraseLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static id.teken.kit.persistence.SqlRows.instant;
import static id.teken.kit.persistence.SqlRows.timestamp;

/** Table passphrase_link: set and reset links by the SHA-256 of their token; used once, by a conditional update. */
@ApplicationScoped
public class PassphraseLinksAdapter implements PassphraseLinks {

    @Inject
    EntityManager em;
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
}
