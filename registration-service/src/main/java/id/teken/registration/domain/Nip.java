package id.teken.registration.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Nomor Induk Pegawai: 18 digits = birth date (yyyyMMdd), start of service TMT (yyyyMM), gender
 * (1 male, 2 female) and a 3-digit serial. The same structure serves PNS and PPPK.
 */
public record Nip(String value) {

    public Nip {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.NIP_INVALID, "NIP wajib diisi.");
        }
        if (!value.matches("[0-9]{18}")) {
            throw new DomainException(ErrorCode.NIP_INVALID, "NIP harus terdiri atas 18 digit angka.");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
            YearMonth tmt = YearMonth.of(Integer.parseInt(value.substring(8, 12)), Integer.parseInt(value.substring(12, 14)));
            if (birth.getYear() < 1940 || tmt.isBefore(YearMonth.from(birth).plusYears(15))) {
                throw new DomainException(ErrorCode.NIP_INVALID, "Tanggal lahir atau TMT pada NIP tidak masuk akal.");
            }
        } catch (DateTimeException e) {
            throw new DomainException(ErrorCode.NIP_INVALID, "Tanggal lahir atau TMT pada NIP tidak valid.");
        }
        char gender = value.charAt(14);
        if (gender != '1' && gender != '2') {
            throw new DomainException(ErrorCode.NIP_INVALID, "Digit jenis kelamin pada NIP harus 1 atau 2.");
        }
    }

    public static Nip of(String value) {
        return new Nip(value == null ? null : value.trim());
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                Integer.parseInt(value.substring(6, 8)));
    }

    public boolean female() {
        return value.charAt(14) == '2';
    }

    @Override
    public String toString() {
        return value;
    }
}
