package id.teken.activation.application.port.in;

import id.teken.activation.domain.Registrant;

/** A registration was submitted: create its activation and mail the link (once per registration). */
public interface StartActivationUseCase {

    void start(Registrant registrant);
}
