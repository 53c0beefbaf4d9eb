package id.teken.registration.adapter.in.worker;

import id.teken.kit.outbox.BackgroundRelay;
import id.teken.registration.application.port.in.RequestPasswordResetUseCase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Handles queued "Lupa Password" requests in the background (one daemon thread, polling; a failed round backs off). */
@ApplicationScoped
public class PasswordResetWorker extends BackgroundRelay {

    @Inject
    RequestPasswordResetUseCase resets;

    @ConfigProperty(name = "teken.accounts.password-reset.poll-interval", defaultValue = "PT0.5S")
    Duration pollInterval;

    void start(@Observes StartupEvent event) {
        startWorker("password-reset-worker", 20, pollInterval);
    }

    void stop(@Observes ShutdownEvent event) {
        stopWorker(2000);
    }

    @Override
    protected int round() {
        return resets.processResetRequests(20);
    }
}
