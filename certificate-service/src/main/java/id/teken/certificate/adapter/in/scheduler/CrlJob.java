package id.teken.certificate.adapter.in.scheduler;

import id.teken.certificate.application.port.in.PublishPkiUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Re-signs the CRLs on a schedule so that they never go stale (revocations re-sign the issuing CA's at once). */
@ApplicationScoped
public class CrlJob {

    @Inject
    PublishPkiUseCase pki;

    @Scheduled(every = "${teken.ca.crl-refresh:1h}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        pki.refreshCrl();
        pki.refreshRootCrlIfDue();
    }
}
