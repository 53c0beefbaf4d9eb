package id.teken.registration.adapter.out.directory;

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Pemkab's own employee export as CSV (comma or semicolon, quoted fields, a header row naming the
 * columns), serving as both the SIASN directory and, through its NIK column, the civil registry. Rows
 * with a malformed NIP are skipped with a warning naming the line, never the personal data.
 */
public class CsvEmployeeDirectory implements EmployeeDirectory, CivilRegistry {

    private static final Logger LOG = Logger.getLogger(CsvEmployeeDirectory.class);

    private static final Map<String, List<String>> COLUMNS = Map.of(
            "nip", List.of("nip", "nip_baru"),
            "nik", List.of("nik", "no_ktp"),
            "nama", List.of("nama", "nama_lengkap"),
            "status", List.of("status_kepegawaian", "status", "jenis_pegawai"),
            "instansi", List.of("instansi", "instansi_induk"),
            "unit", List.of("unit_organisasi", "unor", "unit_kerja"),
            "jabatan", List.of("jabatan", "nama_jabatan"),
            "provinsi", List.of("provinsi"),
            "email", List.of("email_siasn", "email"),
            "lahir", List.of("tanggal_lahir", "tgl_lahir"));

    private final Map<String, Employee> byNip = new HashMap<>();
    private final Map<String, CivilRecord> byNik = new HashMap<>();

    public CsvEmployeeDirectory(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("employee directory CSV not readable: " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("employee directory CSV is empty: " + file);
        }
        String headerLine = lines.get(0).replace("\uFEFF", "");
        char delimiter = headerLine.chars().filter(c -> c == ';').count() > headerLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<String> header = parseLine(headerLine, delimiter).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
        Map<String, Integer> index = new HashMap<>();
        COLUMNS.forEach((key, names) -> names.stream().filter(header::contains).findFirst()
                .ifPresent(name -> index.put(key, header.indexOf(name))));
        if (!index.containsKey("nip") || !index.containsKey("nama")) {
            throw new IllegalStateException("employee directory CSV needs at least the columns nip and nama: " + file);
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = parseLine(lines.get(i), delimiter);
            try {
                Employee employee = toEmployee(cells, index);
                byNip.put(employee.nip().value(), employee);
                employee.nik().ifPresent(nik -> byNik.put(nik.value(),
                        new CivilRecord(nik, employee.nama(), birthDate(cell(cells, index, "lahir")))));
            } catch (DomainException | IllegalArgumentException e) {
                LOG.warnf("Employee directory line %d skipped: %s", i + 1, e.getMessage());
            }
        }
        LOG.infof("Employee directory loaded: %d employees from %s", byNip.size(), file.getFileName());
    }

    @Override
    public Optional<Employee> findByNip(Nip nip) {
        return Optional.ofNullable(byNip.get(nip.value()));
    }

    @Override
    public Optional<CivilRecord> findByNik(Nik nik) {
        return Optional.ofNullable(byNik.get(nik.value()));
    }

    private static Employee toEmployee(List<String> cells, Map<String, Integer> index) {
        String nik = cell(cells, index, "nik");
        String email = cell(cells, index, "email");
        return new Employee(new Nip(cell(cells, index, "nip")),
                nik.isBlank() ? Optional.empty() : Optional.of(new Nik(nik)),
                cell(cells, index, "nama"),
                EmploymentStatus.fromDirectory(cell(cells, index, "status")),
                cell(cells, index, "instansi"),
                cell(cells, index, "unit"),
                cell(cells, index, "jabatan"),
                cell(cells, index, "provinsi"),
                email.isBlank() ? Optional.empty() : Optional.of(new EmailAddress(email)));
    }

    private static String cell(List<String> cells, Map<String, Integer> index, String key) {
        Integer i = index.get(key);
        return i == null || i >= cells.size() ? "" : cells.get(i).trim();
    }

    private static Optional<LocalDate> birthDate(String raw) {
        try {
            return raw.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** RFC 4180 fields: quotes around a field, doubled quotes inside it. */
    static List<String> parseLine(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        cells.add(current.toString());
        return cells;
    }
}
