package id.teken.registration.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Nomor Induk Kependudukan (KTP number): 16 digits = province (2), regency/city (2), district (2), date
 * of birth DDMMYY with 40 added to the day for women, and a 4-digit serial that is never 0000.
 */
public record Nik(String value) {

    /** Province codes of Indonesia (Kemendagri), including the Papua provinces formed in 2022. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "16", "17", "18", "19",
            "21", "31", "32", "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72",
            "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96", "97");

    public Nik {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.NIK_INVALID, "NIK wajib diisi.");
        }
        if (!value.matches("[0-9]{16}")) {
            throw new DomainException(ErrorCode.NIK_INVALID, "NIK harus terdiri atas 16 digit angka.");
        }
        if (!PROVINCES.contains(value.substring(0, 2))) {
            throw new DomainException(ErrorCode.NIK_INVALID, "Kode provinsi pada NIK tidak dikenal.");
        }
        if (value.startsWith("00", 2) || value.startsWith("00", 4)) {
            throw new DomainException(ErrorCode.NIK_INVALID, "Kode kabupaten/kota atau kecamatan pada NIK tidak valid.");
        }
        int day = Integer.parseInt(value.substring(6, 8));
        int month = Integer.parseInt(value.substring(8, 10));
        int yy = Integer.parseInt(value.substring(10, 12));
        int realDay = day > 40 ? day - 40 : day;
        try {
            // A leap day is valid when some century makes it so (2000 is a leap year for every yy = 00).
            LocalDate.of(2000 + yy, month, realDay);
        } catch (DateTimeException e) {
            throw new DomainException(ErrorCode.NIK_INVALID, "Tanggal lahir pada NIK tidak valid.");
        }
        if (day == 0 || (day > 31 && day < 41) || day > 71) {
            throw new DomainException(ErrorCode.NIK_INVALID, "Tanggal lahir pada NIK tidak valid.");
        }
        if (value.endsWith("0000")) {
            throw new DomainException(ErrorCode.NIK_INVALID, "Nomor urut pada NIK tidak valid.");
        }
    }

    public static Nik of(String value) {
        return new Nik(value == null ? null : value.trim());
    }

    public boolean female() {
        return Integer.parseInt(value.substring(6, 8)) > 40;
    }

    /** True when the NIK's DDMMYY and gender agree with the given birth date and gender. */
    public boolean agreesWith(LocalDate birthDate, boolean female) {
        int day = Integer.parseInt(value.substring(6, 8));
        int realDay = day > 40 ? day - 40 : day;
        return female() == female && realDay == birthDate.getDayOfMonth()
                && Integer.parseInt(value.substring(8, 10)) == birthDate.getMonthValue()
                && Integer.parseInt(value.substring(10, 12)) == birthDate.getYear() % 100;
    }

    /** For logs and screens: only the region and the last two digits. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
