package id.teken.registration.domain;

import java.time.LocalDate;
import java.util.Optional;

/** What the civil registry (Dukcapil) says about a NIK. */
public record CivilRecord(Nik nik, String nama, Optional<LocalDate> birthDate) {
}
