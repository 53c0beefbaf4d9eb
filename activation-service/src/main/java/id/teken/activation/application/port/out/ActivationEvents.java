package id.teken.activation.application.port.out;

import id.teken.activation.domain.Activation;

/** Announces activation outcomes; the announcement commits with the state change. */
public interface ActivationEvents {

    void reviewRequested(Activation activation);

    void completed(Activation activation);

    void rejected(Activation activation);

    void expired(Activation activation);
}
