package id.teken.registration.application.port.in;

import id.teken.registration.domain.Registration;

/** "Registrasi Sertifikat": registers the ASN; status NEW; the activation mail follows from the event. */
public interface RegisterForCertificateUseCase {

    Registration register(RegisterForCertificateCommand command);
}
