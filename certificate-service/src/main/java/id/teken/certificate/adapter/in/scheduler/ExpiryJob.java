package id.teken.certificate.adapter.in.scheduler;

import id.teken.certificate.application.port.in.ManageCertificatesUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Marks certificates past their end EXPIRED (certificate.expired) and mails reminders 30 and 7 days before. */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    @Inject
    ManageCertificatesUseCase certificates;

    @Scheduled(every = "${teken.ca.expiry-check:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired = certificates.expireAndRemind();
        if (expired > 0) {
            LOG.infof("%d certificate(s) expired", expired);
        }
    }
}
