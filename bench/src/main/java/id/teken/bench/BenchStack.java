package id.teken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The local stack's processes (./teken's pid files, PostgreSQL's postmaster and its children). */
final class BenchStack {
    private final Path root;

    BenchStack(Path root) {
        this.root = root;
    }

    Map<String, List<Long>> processes() throws IOException {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        Path run = root.resolve(".teken/run");
        if (Files.isDirectory(run)) {
            try (var files = Files.list(run)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
                    long pid = Long.parseLong(Files.readString(f).trim());
                    if (Files.exists(Path.of("/proc/" + pid))) {
                        out.put(f.getFileName().toString().replace(".pid", ""), List.of(pid));
                    }
                }
            }
        }
        Path postmaster = root.resolve(".teken/postgres/postmaster.pid");
        if (Files.exists(postmaster)) {
            long pid = Long.parseLong(Files.readAllLines(postmaster).get(0).trim());
            List<Long> all = new ArrayList<>(List.of(pid));
            ProcessHandle.of(pid).ifPresent(h -> h.children().forEach(c -> all.add(c.pid())));
            out.put("postgres", all);
        }
        return out;
    }

    long rssBytes() throws IOException {
        long total = 0;
        for (List<Long> pids : processes().values()) {
            for (long pid : pids) {
                total += rss(pid);
            }
        }
        return total;
    }

    String rssReport() throws IOException {
        StringBuilder b = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, List<Long>> e : processes().entrySet()) {
            long sum = 0;
            for (long pid : e.getValue()) {
                sum += rss(pid);
            }
            total += sum;
            b.append(String.format(Locale.ROOT, "%s %d MB, ", e.getKey(), sum / 1048576));
        }
        return b.append(String.format(Locale.ROOT, "total %d MB", total / 1048576)).toString();
    }

    /** CPU time (user + system) per process group, in ms. */
    Map<String, Long> cpuMillis() throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> e : processes().entrySet()) {
            long ticks = 0;
            for (long pid : e.getValue()) {
                ticks += cpuTicks(pid);
            }
            out.put(e.getKey(), ticks * 10);   // USER_HZ is 100 on Linux
        }
        return out;
    }

    String perDoc(Map<String, Long> before, Map<String, Long> after, int docs) {
        StringBuilder b = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long spent = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += spent;
            if (spent > 0) {
                b.append(String.format(Locale.ROOT, "%s %.0f, ", e.getKey(), spent / (double) docs));
            }
        }
        return b.append(String.format(Locale.ROOT, "all %.0f", total / (double) docs)).toString();
    }

    List<Integer> managementPorts() {
        List<Integer> ports = new ArrayList<>();
        for (String name : List.of("REGISTRATION", "ACTIVATION", "CERTIFICATE", "SIGNING", "GATEWAY")) {
            String v = System.getenv("TEKEN_" + name + "_MANAGEMENT_PORT");
            ports.add(v == null ? defaultManagementPort(name) : Integer.parseInt(v));
        }
        return ports;
    }

    private static int defaultManagementPort(String name) {
        return switch (name) {
            case "REGISTRATION" -> 9081;
            case "ACTIVATION" -> 9082;
            case "CERTIFICATE" -> 9083;
            case "SIGNING" -> 9084;
            default -> 9080;
        };
    }

    /**
     * The proportional set size (shared pages divided among the processes sharing them: PostgreSQL's shared buffers
     * count once, not once per backend), or the RSS where smaps_rollup is not readable.
     */
    private static long rss(long pid) {
        for (String file : List.of("smaps_rollup", "status")) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/" + file))) {
                    if (line.startsWith(file.equals("status") ? "VmRSS:" : "Pss:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException ignored) {
                // not readable (or the process ended): the next source
            }
        }
        return 0;
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException ignored) {
            return 0;
        }
    }
}
