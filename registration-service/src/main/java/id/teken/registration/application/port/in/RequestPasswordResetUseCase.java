package id.teken.registration.application.port.in;

import id.teken.registration.domain.Nip;

/**
 * "Lupa Password": mails a reset link to the NIP's Email SIASN, if there is one; tells the caller nothing, not even by
 * how long it takes (the request is queued, the same for every NIP, and handled in the background).
 */
public interface RequestPasswordResetUseCase {

    void requestPasswordReset(Nip nip);

    /** Handles up to {@code max} queued requests (link and mail for a known NIP with an Email SIASN); how many. */
    int processResetRequests(int max);
}
