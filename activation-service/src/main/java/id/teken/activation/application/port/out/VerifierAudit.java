package id.teken.activation.application.port.out;

import id.teken.activation.application.port.in.ReviewActivationsUseCase.AuditEntry;

import java.util.List;

/** The verifiers' audit trail: append-only. */
public interface VerifierAudit {

    void record(AuditEntry entry);

    List<AuditEntry> latest(int limit);
}
