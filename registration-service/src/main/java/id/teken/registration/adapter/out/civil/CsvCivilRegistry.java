package id.teken.registration.adapter.out.civil;

import id.teken.kit.directory.EmployeeExport;
import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.domain.CivilRecord;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.Nik;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The civil registry as an extract from Dukcapil's data (the Pemkab's Disdukcapil gives one under its data-sharing
 * agreement): a CSV with the columns nik, nama (or nama_lengkap) and tanggal_lahir (yyyy-mm-dd), read like the employee
 * export. It answers for everyone in the regency, also people who are not in the employee export. Rows whose NIK or birth
 * date is malformed, or whose birth date disagrees with the NIK, are skipped with a warning naming the line only.
 */
public class CsvCivilRegistry implements CivilRegistry {

    private static final Logger LOG = Logger.getLogger(CsvCivilRegistry.class);

    private final Map<String, CivilRecord> byNik = new HashMap<>();

    public CsvCivilRegistry(Path file) {
        for (EmployeeExport.Row row : EmployeeExport.read(file, "nik", "nama", "lahir")) {
            try {
                Nik nik = new Nik(row.get("nik"));
                LocalDate birth = LocalDate.parse(row.get("lahir"));
                if (!nik.agreesWith(birth, nik.female()) || row.get("nama").isBlank()) {
                    throw new IllegalArgumentException("the birth date disagrees with the NIK, or the name is blank");
                }
                byNik.put(nik.value(), new CivilRecord(nik, row.get("nama"), Optional.of(birth)));
            } catch (DomainException | IllegalArgumentException | DateTimeParseException e) {
                LOG.warnf("Civil registry line %d skipped: %s", row.line(), e.getMessage());
            }
        }
        LOG.infof("Civil registry loaded: %d people from %s", byNik.size(), file.getFileName());
    }

    @Override
    public Optional<CivilRecord> findByNik(Nik nik) {
        return Optional.ofNullable(byNik.get(nik.value()));
    }
}
