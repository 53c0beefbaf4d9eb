package id.teken.registration.adapter.in.worker;

import id.teken.registration.config.RegistrationConfig;
import id.teken.kit.outbox.BackgroundRelay;
import id.teken.registration.application.port.in.RequestPasswordResetUseCase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Handles queued "Lupa Password" requests in the background (one daemon thread, polling; a failed round backs off). */
@ApplicationScoped
public class PasswordResetWorker extends BackgroundRelay {

    @Inject
    RegistrationConfig config;

    @Inject
    RequestPasswordResetUseCase resets;

    void start(@Observes StartupEvent event) {
        startWorker("password-reset-worker", 20, config.accounts().passwordReset().pollInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        stopWorker(2000);
    }

    @Override
    protected int round() {
        return resets.processResetRequests(20);
    }
}
