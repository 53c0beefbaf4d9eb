package id.teken.registration.application.service;

import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.domain.CivilRecord;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nik;

import java.util.Locale;
import java.util.Optional;

/** Whether a NIK is this employee's (for a self-registration and for a verifier's enrolment alike). */
final class NikOwnership {

    private NikOwnership() {
    }

    /**
     * The NIK is in the civil registry and is this employee's: the directory's NIK, or name and birth date agree. A NIK
     * that is not in the registry and one that is someone else's get the same answer: the check is no way to learn
     * which NIKs exist.
     */
    static CivilRecord check(CivilRegistry civilRegistry, Employee employee, Nik nik) {
        Optional<CivilRecord> record = civilRegistry.findByNik(nik);
        boolean belongs = record.isPresent() && employee.nik().map(nik::equals).orElseGet(() ->
                record.get().nama().trim().toLowerCase(Locale.ROOT).equals(employee.nama().trim().toLowerCase(Locale.ROOT))
                        && nik.agreesWith(employee.nip().birthDate(), employee.nip().female()));
        if (!belongs) {
            throw new DomainException(ErrorCode.NIK_NOT_VERIFIED, "NIK tidak dapat diverifikasi untuk NIP ini. Periksa kembali "
                    + "NIK pada KTP Anda; bila sudah benar, hubungi pengelola kepegawaian.");
        }
        return record.get();
    }
}
