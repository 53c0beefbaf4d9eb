package id.teken.registration.application.port.in;

import id.teken.registration.domain.Nip;

/** "Lupa Password": mails a reset link to the NIP's Email SIASN, if there is one; tells the caller nothing. */
public interface RequestPasswordResetUseCase {

    void requestPasswordReset(Nip nip);
}
