package id.teken.activation.adapter.in.scheduler;

import id.teken.activation.application.port.in.ExpireActivationsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Closes expired links (each becomes activation.expired) and deletes selfies past their retention. */
@ApplicationScoped
public class HousekeepingJobs {

    private static final Logger LOG = Logger.getLogger(HousekeepingJobs.class);

    @Inject
    ExpireActivationsUseCase housekeeping;

    @Scheduled(every = "${teken.activation.expiry-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireLinks() {
        int expired = housekeeping.expireDueLinks();
        if (expired > 0) {
            LOG.infof("%d activation link(s) expired", expired);
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSelfies() {
        int purged = housekeeping.purgeSelfies();
        if (purged > 0) {
            LOG.infof("%d selfie(s) deleted after their retention", purged);
        }
    }
}
