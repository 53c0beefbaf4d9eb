package id.teken.kit.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Pemkab's employee export (SIASN's columns as CSV), read the same way by every service: UTF-8 with or without a
 * byte-order mark, comma or semicolon (whichever the header has more of), RFC 4180 quoting, a header row whose names
 * are matched case-insensitively with spaces as underscores and the usual aliases, blank lines skipped. Rows are plain
 * strings; each service turns them into its own domain types.
 */
public final class EmployeeExport {

    /** The columns by the name rows are read with, and the header names each may have in an export. */
    public static final Map<String, List<String>> COLUMNS;

    static {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("nip", List.of("nip", "nip_baru"));
        columns.put("nik", List.of("nik", "no_ktp"));
        columns.put("nama", List.of("nama", "nama_lengkap"));
        columns.put("status", List.of("status_kepegawaian", "status", "jenis_pegawai"));
        columns.put("instansi", List.of("instansi", "instansi_induk"));
        columns.put("unit", List.of("unit_organisasi", "unor", "unit_kerja"));
        columns.put("jabatan", List.of("jabatan", "nama_jabatan"));
        columns.put("provinsi", List.of("provinsi"));
        columns.put("email", List.of("email_siasn", "email"));
        columns.put("lahir", List.of("tanggal_lahir", "tgl_lahir"));
        COLUMNS = Map.copyOf(columns);
    }

    /** One data row: its line number in the file (1-based, for messages that must not quote personal data) and its cells. */
    public record Row(int line, Map<String, String> cells) {
        /** The trimmed cell of a column, "" when the export has no such column or the row is short. */
        public String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private EmployeeExport() {
    }

    /** Every data row; fails when the file cannot be read, is empty, or lacks one of the required columns. */
    public static List<Row> read(Path file, String... required) {
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
        List<String> header = cells(headerLine, delimiter).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
        Map<String, Integer> index = new HashMap<>();
        COLUMNS.forEach((key, names) -> names.stream().filter(header::contains).findFirst()
                .ifPresent(name -> index.put(key, header.indexOf(name))));
        for (String column : required) {
            if (!index.containsKey(column)) {
                throw new IllegalStateException("employee directory CSV needs the columns " + String.join(", ", required) + ": " + file);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = cells(lines.get(i), delimiter);
            Map<String, String> row = new HashMap<>();
            index.forEach((key, at) -> row.put(key, at < cells.size() ? cells.get(at).trim() : ""));
            rows.add(new Row(i + 1, Map.copyOf(row)));
        }
        return rows;
    }

    /** RFC 4180 fields of one line. */
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
