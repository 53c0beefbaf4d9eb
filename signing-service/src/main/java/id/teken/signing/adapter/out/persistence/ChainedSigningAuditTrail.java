package id.teken.signing.adapter.out.persistence;

import id.teken.kit.audit.AuditChain;
import id.teken.signing.application.port.out.SigningAuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Signing attempts as entries of the service's hash-chained audit trail, each in a transaction of its own. */
@ApplicationScoped
public class ChainedSigningAuditTrail implements SigningAuditTrail {

    @Inject
    AuditChain chain;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actorNip, String action, String subject, String detail) {
        chain.append(actorNip, action, subject, detail == null ? null : detail.substring(0, Math.min(500, detail.length())));
    }
}
