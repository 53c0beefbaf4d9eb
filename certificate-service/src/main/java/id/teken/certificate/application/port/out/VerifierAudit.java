package id.teken.certificate.application.port.out;

import java.time.Instant;

/** The verifiers' audit trail for certificate actions: append-only. */
public interface VerifierAudit {

    void record(Instant at, String actorNip, String action, String serialNumber, String detail);
}
