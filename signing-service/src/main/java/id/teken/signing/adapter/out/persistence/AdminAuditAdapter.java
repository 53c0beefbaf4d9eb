package id.teken.signing.adapter.out.persistence;

import id.teken.kit.persistence.SqlRows;

import id.teken.signing.application.port.out.AdminAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.util.List;

/** Table admin_audit through the EntityManager (append only). */
@ApplicationScoped
public class AdminAuditAdapter implements AdminAudit {

    @Inject
    EntityManager em;

    @Inject
    id.teken.kit.audit.AuditChain chain;

    @Override
    public void record(Entry e) {
        String detail = e.detail() == null ? null : e.detail().substring(0, Math.min(1000, e.detail().length()));
        chain.append(e.actorNip(), "admin." + e.action(), e.clientUsername(), detail);
        em.createNativeQuery("INSERT INTO admin_audit (at, actor_nip, action, client_username, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, Timestamp.from(e.at())).setParameter(2, e.actorNip()).setParameter(3, e.action())
                .setParameter(4, e.clientUsername()).setParameter(5, detail).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Entry> latest(int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT at, actor_nip, action, client_username, detail FROM admin_audit "
                + "ORDER BY id DESC LIMIT ?1").setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new Entry(SqlRows.instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4])).toList();
    }
}
