package id.teken.registration.adapter.in.messaging;

import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import id.teken.events.Topics;
import id.teken.events.activation.ActivationCompleted;
import id.teken.events.activation.ActivationExpired;
import id.teken.events.activation.ActivationRejected;
import id.teken.events.activation.ActivationReviewRequested;
import id.teken.kit.consumer.EventHandler;
import id.teken.registration.application.port.in.FollowActivationUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** activation.* events -> the dashboard status (each handler turns the contract into a use-case call at once). */
public final class ActivationEventConsumers {

    private ActivationEventConsumers() {
    }

    /** activation.review-requested -> WAITING_FOR_VERIFICATION. */
    @ApplicationScoped
    public static class ReviewRequested implements EventHandler<ActivationReviewRequested> {
        @Inject
        FollowActivationUseCase follow;

        @Override
        public Topic<ActivationReviewRequested> topic() {
            return Topics.ACTIVATION_REVIEW_REQUESTED;
        }

        @Override
        public void handle(EventEnvelope<ActivationReviewRequested> event) {
            follow.reviewRequested(UUID.fromString(event.payload().registrationId()));
        }
    }

    /** activation.completed -> NO_CERTIFICATE. */
    @ApplicationScoped
    public static class Completed implements EventHandler<ActivationCompleted> {
        @Inject
        FollowActivationUseCase follow;

        @Override
        public Topic<ActivationCompleted> topic() {
            return Topics.ACTIVATION_COMPLETED;
        }

        @Override
        public void handle(EventEnvelope<ActivationCompleted> event) {
            follow.activated(UUID.fromString(event.payload().registrationId()));
        }
    }

    /** activation.rejected -> NOT_REGISTERED with the reason. */
    @ApplicationScoped
    public static class Rejected implements EventHandler<ActivationRejected> {
        @Inject
        FollowActivationUseCase follow;

        @Override
        public Topic<ActivationRejected> topic() {
            return Topics.ACTIVATION_REJECTED;
        }

        @Override
        public void handle(EventEnvelope<ActivationRejected> event) {
            follow.rejected(UUID.fromString(event.payload().registrationId()), event.payload().reason());
        }
    }

    /** activation.expired -> NOT_REGISTERED. */
    @ApplicationScoped
    public static class Expired implements EventHandler<ActivationExpired> {
        @Inject
        FollowActivationUseCase follow;

        @Override
        public Topic<ActivationExpired> topic() {
            return Topics.ACTIVATION_EXPIRED;
        }

        @Override
        public void handle(EventEnvelope<ActivationExpired> event) {
            follow.expired(UUID.fromString(event.payload().registrationId()));
        }
    }
}
