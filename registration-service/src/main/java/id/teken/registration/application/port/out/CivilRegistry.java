package id.teken.registration.application.port.out;

import id.teken.registration.domain.CivilRecord;
import id.teken.registration.domain.Nik;

import java.util.Optional;

/** The civil registry (Dukcapil): NIK to name and birth date. */
public interface CivilRegistry {

    Optional<CivilRecord> findByNik(Nik nik);
}
