package id.teken.registration.adapter.out.directory;

import id.teken.kit.directory.EmployeeExport;

import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.domain.CivilRecord;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.EmploymentStatus;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Pemkab's own employee export as CSV (comma or semicolon, quoted fields, a header row naming the
 * columns), serving as both the SIASN directory and, through its NIK column, the civil registry. Rows
 * with a malformed NIP are skipped with a warning naming the line, never the personal data.
 */
public class CsvEmployeeDirectory implements EmployeeDirectory, CivilRegistry {

    private static final Logger LOG = Logger.getLogger(CsvEmployeeDirectory.class);

    private final Map<String, Employee> byNip = new HashMap<>();
    private final Map<String, CivilRecord> byNik = new HashMap<>();
    private final Map<String, Nip> nipByNik = new HashMap<>();

    public CsvEmployeeDirectory(Path file) {
        for (EmployeeExport.Row row : EmployeeExport.read(file, "nip", "nama")) {
            try {
                Employee employee = toEmployee(row);
                byNip.put(employee.nip().value(), employee);
                employee.nik().ifPresent(nik -> {
                    byNik.put(nik.value(), new CivilRecord(nik, employee.nama(), birthDate(row.get("lahir"))));
                    nipByNik.put(nik.value(), employee.nip());
                });
            } catch (DomainException | IllegalArgumentException e) {
                LOG.warnf("Employee directory line %d skipped: %s", row.line(), e.getMessage());
            }
        }
        LOG.infof("Employee directory loaded: %d employees from %s", byNip.size(), file.getFileName());
    }

    @Override
    public Optional<Employee> findByNip(Nip nip) {
        return Optional.ofNullable(byNip.get(nip.value()));
    }

    @Override
    public Optional<Nip> findNipByNik(Nik nik) {
        return Optional.ofNullable(nipByNik.get(nik.value()));
    }

    @Override
    public Optional<CivilRecord> findByNik(Nik nik) {
        return Optional.ofNullable(byNik.get(nik.value()));
    }

    private static Employee toEmployee(EmployeeExport.Row row) {
        String nik = row.get("nik");
        String email = row.get("email");
        return new Employee(new Nip(row.get("nip")),
                nik.isBlank() ? Optional.empty() : Optional.of(new Nik(nik)),
                row.get("nama"),
                EmploymentStatus.fromDirectory(row.get("status")),
                row.get("instansi"),
                row.get("unit"),
                row.get("jabatan"),
                row.get("provinsi"),
                email.isBlank() ? Optional.empty() : Optional.of(new EmailAddress(email)));
    }

    private static Optional<LocalDate> birthDate(String raw) {
        try {
            return raw.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
