package id.teken.registration.application.port.in;

import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;

/** "Verifikasi": the NIK exists in the civil registry and belongs to this NIP. */
public interface VerifyNikUseCase {

    NikVerified verifyNik(Nip nip, Nik nik);

    /** The name the civil registry holds for the NIK. */
    record NikVerified(Nik nik, String nama) {
    }
}
