package id.teken.registration.adapter.in.messaging;

import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import id.teken.events.activation.ActivationExpired;
import id.teken.events.activation.ActivationRejected;
import id.teken.events.activation.ActivationReviewRequested;
import id.teken.kit.consumer.EventHandler;
import id.teken.registration.application.port.in.FollowActivationUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.UUID;

/** activation.* events -> the dashboard status (each handler turns the contract into a use-case call at once). */
@ApplicationScoped
public class ActivationEventConsumers {

    @Inject
    FollowActivationUseCase follow;

    /** activation.review-requested -> WAITING_FOR_VERIFICATION. */
    @Produces
    @Singleton
    EventHandler<ActivationReviewRequested> reviewRequested() {
        return EventHandler.on(Topics.ACTIVATION_REVIEW_REQUESTED, e -> follow.reviewRequested(UUID.fromString(e.payload().registrationId())));
    }

    /** activation.completed -> NO_CERTIFICATE. */
    @Produces
    @Singleton
    EventHandler<ActivationCompleted> completed() {
        return EventHandler.on(Topics.ACTIVATION_COMPLETED, e -> follow.activated(UUID.fromString(e.payload().registrationId())));
    }

    /** activation.rejected -> NOT_REGISTERED with the reason. */
    @Produces
    @Singleton
    EventHandler<ActivationRejected> rejected() {
        return EventHandler.on(Topics.ACTIVATION_REJECTED,
                e -> follow.rejected(UUID.fromString(e.payload().registrationId()), e.payload().reason()));
    }

    /** activation.expired -> NOT_REGISTERED. */
    @Produces
    @Singleton
    EventHandler<ActivationExpired> expired() {
        return EventHandler.on(Topics.ACTIVATION_EXPIRED, e -> follow.expired(UUID.fromString(e.payload().registrationId())));
    }
}
