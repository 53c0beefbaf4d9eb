package id.teken.registration.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The work contract of a person who is not PNS or PPPK (the seed's Ketentuan 2: contract staff apply to Diskominfo, not
 * through MyASN), as a Verifikator TTE enrolled it: the contract's reference, the moment it ends (the end of its last day,
 * WIB) and who enrolled it. The certificate issued on it never outlasts {@link #endsAt()}.
 */
public record ContractTerms(String reference, Instant endsAt, Nip enrolledBy) {

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Longer contracts are enrolled again when they are extended. */
    public static final int MAX_YEARS = 5;

    public ContractTerms {
        if (reference == null || reference.isBlank() || reference.trim().length() > 100 || !reference.trim().matches("[\\p{L}\\p{N} ./_:()-]+")) {
            throw new DomainException(ErrorCode.CONTRACT_INVALID, "Nomor kontrak wajib diisi (maksimal 100 karakter: huruf, angka, spasi, . / _ : ( ) -).");
        }
        reference = reference.trim();
        if (endsAt == null || enrolledBy == null) {
            throw new DomainException(ErrorCode.CONTRACT_INVALID, "Tanggal berakhir kontrak wajib diisi.");
        }
    }

    /** From the date typed (yyyy-mm-dd): the contract must still run tomorrow and end within five years. */
    public static ContractTerms of(String reference, String endDate, Nip enrolledBy, Instant now) {
        LocalDate last;
        try {
            last = LocalDate.parse(endDate == null ? "" : endDate.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException(ErrorCode.CONTRACT_INVALID, "Tanggal berakhir kontrak ditulis yyyy-mm-dd, misalnya 2027-12-31.");
        }
        LocalDate today = now.atZone(WIB).toLocalDate();
        if (!last.isAfter(today)) {
            throw new DomainException(ErrorCode.CONTRACT_INVALID, "Kontrak sudah berakhir atau berakhir hari ini.");
        }
        if (last.isAfter(today.plusYears(MAX_YEARS))) {
            throw new DomainException(ErrorCode.CONTRACT_INVALID, "Kontrak lebih dari " + MAX_YEARS + " tahun: daftarkan lagi saat kontrak diperpanjang.");
        }
        Instant end = last.plusDays(1).atStartOfDay(WIB).toInstant().minus(1, ChronoUnit.SECONDS);
        return new ContractTerms(reference, end, enrolledBy);
    }
}
