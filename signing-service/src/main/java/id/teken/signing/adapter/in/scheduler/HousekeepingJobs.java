package id.teken.signing.adapter.in.scheduler;

import id.teken.signing.application.port.in.ManageSystemClientsUseCase;
import id.teken.signing.application.port.in.OneTimeDownloadUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Timed clean-up: signed PDFs waiting for their BSrE v1 one-time download are dropped once past the retention time (not
 * only when the next document arrives), and client failures older than the budget's window are forgotten.
 */
@ApplicationScoped
public class HousekeepingJobs {

    private static final Logger LOG = Logger.getLogger(HousekeepingJobs.class);

    @Inject
    OneTimeDownloadUseCase downloads;

    @Inject
    ManageSystemClientsUseCase clients;

    @Scheduled(every = "${teken.signing.housekeeping-interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int dropped = downloads.purgeExpired();
        int forgotten = clients.forgetOldFailures();
        if (dropped > 0 || forgotten > 0) {
            LOG.infof("Housekeeping: %d expired download(s) dropped, %d old client failure(s) forgotten", dropped, forgotten);
        }
    }
}
