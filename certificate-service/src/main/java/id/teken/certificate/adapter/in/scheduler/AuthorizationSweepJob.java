package id.teken.certificate.adapter.in.scheduler;

import id.teken.certificate.application.port.in.SignHashUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Opened keys of expired signature authorizations do not stay in memory longer than a few seconds past their end. */
@ApplicationScoped
public class AuthorizationSweepJob {

    @Inject
    SignHashUseCase signing;

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        signing.expireAuthorizations();
    }
}
