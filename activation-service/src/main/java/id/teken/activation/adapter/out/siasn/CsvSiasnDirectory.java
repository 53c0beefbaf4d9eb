package id.teken.activation.adapter.out.siasn;

import id.teken.activation.application.port.out.EmployeeDirectory;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SIASN from the Pemkab's employee export (the same CSV registration-service reads): only the employment
 * columns are used here (nip, unit_organisasi, jabatan, provinsi).
 */
public class CsvSiasnDirectory implements EmployeeDirectory {

    private static final Logger LOG = Logger.getLogger(CsvSiasnDirectory.class);

    private final Map<String, EmployeeRecord> byNip = new HashMap<>();

    public CsvSiasnDirectory(Path file) {
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
        char delimiter = headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0 ? ';' : ',';
        List<String> header = cells(headerLine, delimiter).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
        int nip = column(header, "nip", "nip_baru");
        int unit = column(header, "unit_organisasi", "unor", "unit_kerja");
        int jabatan = column(header, "jabatan", "nama_jabatan");
        int provinsi = column(header, "provinsi");
        if (nip < 0) {
            throw new IllegalStateException("employee directory CSV needs a nip column: " + file);
        }
        for (int i = 1; i < lines.size(); i++) {
            List<String> c = cells(lines.get(i), delimiter);
            String n = get(c, nip);
            if (n.matches("[0-9]{8,18}")) {
                byNip.put(n, new EmployeeRecord(n, get(c, unit), get(c, jabatan), get(c, provinsi)));
            }
        }
        LOG.infof("SIASN directory (CSV) loaded: %d employees", byNip.size());
    }

    @Override
    public Optional<EmployeeRecord> find(String nipNrp) {
        return Optional.ofNullable(byNip.get(nipNrp));
    }

    private static int column(List<String> header, String... names) {
        for (String name : names) {
            if (header.contains(name)) {
                return header.indexOf(name);
            }
        }
        return -1;
    }

    private static String get(List<String> cells, int i) {
        return i < 0 || i >= cells.size() ? "" : cells.get(i).trim();
    }

    /** RFC 4180 fields. */
    static List<String> cells(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cur.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == delimiter && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
