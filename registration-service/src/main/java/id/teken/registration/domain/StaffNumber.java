package id.teken.registration.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The account number of contract staff who have none in the employee export (a NIPTT, "Nomor Induk Pegawai Tidak Tetap"),
 * built like a NIP so every part of Teken that takes a NIP takes it: birth date (yyyyMMdd), the month of the enrolment as
 * the TMT (yyyyMM), gender (1 male, 2 female) and a serial. Serials are handed out from 999 down, away from the low serials
 * that BKPSDM numbers start with; the caller takes the first candidate that nobody holds.
 */
public final class StaffNumber {

    private StaffNumber() {
    }

    public static Stream<Nip> candidates(LocalDate birthDate, boolean female, YearMonth tmt) {
        if (tmt.isBefore(YearMonth.from(birthDate).plusYears(15)) || birthDate.getYear() < 1940) {
            throw new DomainException(ErrorCode.PERSON_INVALID,
                    "Tanggal lahir pada data kependudukan tidak memungkinkan kontrak kerja (usia di bawah 15 tahun atau sebelum 1940).");
        }
        String prefix = String.format("%04d%02d%02d%04d%02d%s", birthDate.getYear(), birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), tmt.getYear(), tmt.getMonthValue(), female ? "2" : "1");
        return IntStream.iterate(999, s -> s >= 1, s -> s - 1).mapToObj(s -> new Nip(prefix + String.format("%03d", s)));
    }
}
