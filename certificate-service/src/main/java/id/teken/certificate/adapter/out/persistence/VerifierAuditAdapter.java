package id.teken.certificate.adapter.out.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;

import static id.teken.kit.persistence.SqlRows.timestamp;

/** Table verifier_audit: what each verifier did to which certificate; append-only. */
@ApplicationScoped
public class VerifierAuditAdapter implements id.teken.certificate.application.port.out.VerifierAudit {

    @Inject
    EntityManager em;

    @Inject
    id.teken.kit.audit.AuditChain chain;
    @Override
    public void record(Instant at, String actorNip, String action, String serialNumber, String detail) {
        em.createNativeQuery("INSERT INTO verifier_audit (at, actor_nip, action, serial_number, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, timestamp(at)).setParameter(2, actorNip).setParameter(3, action).setParameter(4, serialNumber)
                .setParameter(5, detail).executeUpdate();
        chain.append(actorNip, "verifier." + action, serialNumber, detail);
    }
}
