package id.teken.bench;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signing through the running stack beside in-process EU DSS and iText 5, in one run, on the same generated PDFs:
 * single signatures, batches, concurrent callers, a soak, sequential calls to every route (slow-request count),
 * verification, and the stack's memory. Prints the figures and the ratios of issue 13's goals.
 *
 * <pre>
 *   bench/run [--singles 40] [--batches 6] [--batch 10] [--letter-seconds 20] [--callers 8] [--soak-callers 50]
 *             [--soak-seconds 60] [--sequential 3000] [--verifications 30] [--quick]
 * </pre>
 * The signer is the one ./teken demo leaves in .teken/demo/signer.env (or BENCH_NIP, BENCH_PASSWORD, BENCH_PASSPHRASE).
 */
public final class SigningBench {

    private SigningBench() {
    }

    private static final Map<String, String> RESULTS = new LinkedHashMap<>();
    private static final List<String> GOALS = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Map<String, Integer> o = options(args);
        Path root = Path.of(System.getenv().getOrDefault("TEKEN_ROOT", "."));
        Map<String, String> signer = signerEnv(root.resolve(".teken/demo/signer.env"));
        String gateway = System.getenv().getOrDefault("TEKEN_URL", "http://localhost:8080");
        Teken teken = new Teken(gateway, env("BENCH_NIP", signer.get("NIP")), env("BENCH_PASSWORD", signer.get("PASSWORD")),
                env("BENCH_PASSPHRASE", signer.get("PASSPHRASE")));
        BenchStack stack = new BenchStack(root);

        System.out.printf(Locale.ROOT, "Teken bench %s on %d cores, Java %s; gateway %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), gateway);
        long idleRss = stack.rssBytes();
        System.out.printf(Locale.ROOT, "stack memory (PSS) before the run: %s%n", stack.rssReport());

        byte[] big = BenchPdfs.bigPdf(1024 * 1024, 1);
        byte[] letter = BenchPdfs.letter();
        System.out.printf(Locale.ROOT, "documents: 1 MB PDF (%d bytes, 3 pages, incompressible image), letter (%d bytes, 2 pages)%n",
                big.length, letter.length);
        if (o.get("teken-only") > 0) {
            // Profiling aid: only Teken's single signatures of the 1 MB file, no peers.
            Map<String, List<Double>> phases = new LinkedHashMap<>();
            Series s = Series.loop("Teken POST /api/v1/signatures, 1 MB, default level", o.get("teken-only"),
                    () -> timed(ok(teken.sign(big, null), "signature"), phases));
            System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms%n", s.what(), s.rate(), s.medianMs());
            printMedians(phases);
            System.exit(0);
        }
        if (o.get("batches-only") > 0) {
            // Profiling aid: only Teken's batches of the 1 MB file (batch documents each), after a few warm-up batches.
            List<byte[]> files = Collections.nCopies(o.get("batch"), big);
            for (int i = 0; i < 5; i++) {
                ok(teken.signBatch(files), "warm-up batch");
            }
            Map<String, List<Double>> phases = new LinkedHashMap<>();
            Series s = Series.loop("Teken POST /api/v1/signatures/batch, " + files.size() + " x 1 MB", o.get("batches-only"),
                    () -> timed(ok(teken.signBatch(files), "batch"), phases));
            System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms per batch%n", s.what(), files.size() * s.rate(), s.medianMs());
            printMedians(phases);
            System.exit(0);
        }
        if (o.get("letters-only") > 0) {
            // Profiling aid: only the 2-page letter, 1 caller then N callers, letter-seconds each, no peers.
            Load one = Load.run(teken, letter, 1, o.get("letter-seconds"));
            Load many = Load.run(teken, letter, o.get("letters-only"), o.get("letter-seconds"));
            System.out.printf(Locale.ROOT, "letter: 1 caller %.2f docs/s (median %.0f ms), %d callers %.2f docs/s (median %.0f ms): %.2f x, errors %d%n",
                    one.rate(), one.series.medianMs(), o.get("letters-only"), many.rate(), many.series.medianMs(),
                    many.rate() / one.rate(), one.errors.get() + many.errors.get());
            System.exit(0);
        }
        Peers peers = new Peers();

        // Warm-up, by time: the JIT of both sides (DSS, PDFBox and the services), Teken's connections and caches.
        long warmUntil = System.nanoTime() + o.get("warm-seconds") * 1_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            peers.dss(big);
            peers.itext(big);
            ok(teken.sign(big, null), "warm-up signature");
            ok(teken.sign(letter, null), "warm-up signature");
            ok(teken.verify(big), "warm-up verification");
        }
        ok(teken.signBatch(Collections.nCopies(o.get("batch"), big)), "warm-up batch");
        byte[] signedBig = ok(teken.sign(big, null), "signature to verify").body();

        // 1. Single signatures of the same 1 MB file: DSS, iText, Teken, DSS again (the peer's figure is the mean of both).
        int singles = o.get("singles");
        Series dss1 = Series.loop("DSS B-T in-process, 1 MB", singles, () -> Series.call(() -> peers.dss(big)));
        Series itext = Series.loop("iText 5 B-T in-process, 1 MB", singles, () -> Series.call(() -> peers.itext(big)));
        Map<String, Long> cpuBefore = stack.cpuMillis();
        List<Double> passphrase = new ArrayList<>();
        Series single = Series.loop("Teken POST /api/v1/signatures, 1 MB, default level", singles, () -> {
            Teken.Answer a = ok(teken.sign(big, null), "signature");
            passphrase.add(a.timing("passphrase"));
            return a.nanos();
        });
        Map<String, Long> cpuAfter = stack.cpuMillis();
        Series dss2 = Series.loop("DSS B-T in-process, 1 MB (again)", singles, () -> Series.call(() -> peers.dss(big)));
        double dssRate = (dss1.rate() + dss2.rate()) / 2;
        report(dss1, dss2, itext, single);
        System.out.printf(Locale.ROOT, "  passphrase check in certificate-service (Server-Timing): median %.1f ms%n", median(passphrase));
        System.out.printf(Locale.ROOT, "  CPU per Teken signature, ms: %s%n", stack.perDoc(cpuBefore, cpuAfter, singles));
        goal("1. single 1 MB signature >= 0.5 x DSS B-T", single.rate() / dssRate, 0.5);

        // 2. Batches of the same file.
        int batch = o.get("batch");
        List<byte[]> files = Collections.nCopies(batch, big);
        Series batches = Series.loop("Teken POST /api/v1/signatures/batch, " + batch + " x 1 MB", o.get("batches"),
                () -> ok(teken.signBatch(files), "batch").nanos());
        double batchRate = batch * batches.rate();
        System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms per batch%n", batches.what(), batchRate, batches.medianMs());
        goal("2. batch of " + batch + " x 1 MB >= 1.0 x DSS B-T", batchRate / dssRate, 1.0);
        goal("2. stretch: batch >= 1.0 x iText 5", batchRate / itext.rate(), 1.0);

        // 4. Concurrent callers on the 2-page letter.
        int seconds = o.get("letter-seconds");
        Load one = Load.run(teken, letter, 1, seconds);
        Load many = Load.run(teken, letter, o.get("callers"), seconds);
        System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms, p99 %.0f ms, errors %d%n",
                "Teken letter, 1 caller, " + seconds + " s", one.rate(), one.series.medianMs(), one.series.p99Ms(), one.errors.get());
        System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms, p99 %.0f ms, errors %d%n",
                "Teken letter, " + o.get("callers") + " callers, " + seconds + " s", many.rate(), many.series.medianMs(),
                many.series.p99Ms(), many.errors.get());
        goal("4. " + o.get("callers") + " callers >= 1.8 x one caller", many.rate() / one.rate(), 1.8);
        goalZero("4. errors with " + o.get("callers") + " callers", one.errors.get() + many.errors.get());

        Load soak = Load.run(teken, letter, o.get("soak-callers"), o.get("soak-seconds"));
        int lost = soak.lost(teken);
        System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms, p99 %.0f ms, errors %d, lost %d%n",
                "Teken letter, " + o.get("soak-callers") + " callers, " + o.get("soak-seconds") + " s soak", soak.rate(),
                soak.series.medianMs(), soak.series.p99Ms(), soak.errors.get(), lost);
        if (!soak.errorCodes.isEmpty()) {
            System.out.println("  errors: " + soak.errorCodes);
        }
        goalZero("4. soak errors", soak.errors.get());
        goalZero("4. soak documents lost", lost);

        // 6. Verification of the signed 1 MB PDF.
        int verifications = o.get("verifications");
        Series verify = Series.loop("Teken POST /api/v1/verifications, signed 1 MB", verifications,
                () -> ok(teken.verify(signedBig), "verification").nanos());
        Series dssVerify = Series.loop("DSS validation in-process (no revocation fetch)", verifications, () -> Series.call(() -> {
            PDFDocumentValidator v = new PDFDocumentValidator(new InMemoryDocument(signedBig));
            v.setCertificateVerifier(new CommonCertificateVerifier());
            return v.validateDocument();
        }));
        System.out.printf(Locale.ROOT, "%-58s median %.0f ms, p99 %.0f ms%n", verify.what(), verify.medianMs(), verify.p99Ms());
        System.out.printf(Locale.ROOT, "%-58s median %.0f ms%n", dssVerify.what(), dssVerify.medianMs());
        goalAtMost("6. verification median ms <= 90", verify.medianMs(), 90);

        // 3. Sequential calls to every kind of route.
        sequential(teken, stack, o.get("sequential"), signedBig);

        // 5. Memory.
        System.gc();
        Thread.sleep(5_000);
        long afterRss = stack.rssBytes();
        System.out.printf(Locale.ROOT, "stack memory (PSS) after the run: %s%n", stack.rssReport());
        goalAtMost("5. stack memory (PSS) idle before the run, MB <= 1536", idleRss / 1048576.0, 1536);
        goalAtMost("5. stack memory (PSS) after the run, MB <= 1536 (informative)", afterRss / 1048576.0, 1536);

        System.out.println();
        System.out.println("| goal | measured | target | |");
        System.out.println("|---|---|---|---|");
        GOALS.forEach(System.out::println);
        Path out = root.resolve("bench/target/last-run.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", GOALS) + "\n", StandardCharsets.UTF_8);
        System.exit(0);
    }

    // ---- the measured loops ----

    /** One measured series: each call's duration, and the wall time of the whole loop. */
    private static void report(Series dss1, Series dss2, Series itext, Series single) {
        for (Series s : List.of(dss1, dss2, itext, single)) {
            System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms, p99 %.0f ms%n", s.what(), s.rate(), s.medianMs(), s.p99Ms());
        }
    }

    /** n calls one after another, round the routes of every service (through the gateway and to the management ports). */
    private static void sequential(Teken teken, BenchStack stack, int n, byte[] signedPdf) throws Exception {
        String id = ok(teken.sign(BenchPdfs.letter(), null), "signature for the verify page").documentId();
        List<String[]> routes = new ArrayList<>(List.of(
                new String[]{"/api/v1/me", "auth"},
                new String[]{"/api/v1/me/certificate", "auth"},
                new String[]{"/pki/ca", ""},
                new String[]{"/pki/crl", ""},
                new String[]{"/verify/" + id, ""}));
        for (int port : stack.managementPorts()) {
            routes.add(new String[]{"http://127.0.0.1:" + port + "/q/health/live", ""});
        }
        Map<String, List<Long>> byRoute = new LinkedHashMap<>();
        int slow = 0;
        long worst = 0;
        String worstRoute = "";
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String[] r = routes.get(i % routes.size());
            Teken.Answer a = teken.get(r[0], !r[1].isEmpty());
            if (a.status() != 200) {
                throw new IllegalStateException(r[0] + ": HTTP " + a.status());
            }
            byRoute.computeIfAbsent(r[0].replaceAll("/verify/.*", "/verify/{id}"), k -> new ArrayList<>()).add(a.nanos());
            if (a.nanos() > 1_000_000_000L) {
                slow++;
            }
            if (a.nanos() > worst) {
                worst = a.nanos();
                worstRoute = r[0];
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%d sequential calls round %d routes in %.1f s: %d over 1 s, slowest %.0f ms (%s)%n",
                n, routes.size(), seconds, slow, worst / 1e6, worstRoute);
        for (Map.Entry<String, List<Long>> e : byRoute.entrySet()) {
            Series s = new Series(e.getKey(), e.getValue(), 1);
            System.out.printf(Locale.ROOT, "  %-50s median %5.1f ms, p99 %6.1f ms, max %6.1f ms%n", e.getKey(), s.medianMs(),
                    s.p99Ms(), s.percentile(1.0));
        }
        goalZero("3. requests over 1 s in " + n + " sequential calls", slow);
    }

    // ---- goals ----

    private static void goal(String what, double ratio, double target) {
        GOALS.add(String.format(Locale.ROOT, "| %s | %.2f x | %.1f x | %s |", what, ratio, target, ratio >= target ? "met" : "NOT met"));
    }

    private static void goalZero(String what, int count) {
        GOALS.add(String.format(Locale.ROOT, "| %s | %d | 0 | %s |", what, count, count == 0 ? "met" : "NOT met"));
    }

    private static void goalAtMost(String what, double value, double limit) {
        GOALS.add(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s |", what, value, limit, value <= limit ? "met" : "NOT met"));
    }

    // ---- helpers ----

    /** The answer's time, its Server-Timing phases added to phases (profiling aids). */
    private static long timed(Teken.Answer a, Map<String, List<Double>> phases) {
        for (String phase : a.phases()) {
            phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(a.timing(phase));
        }
        return a.nanos();
    }

    private static void printMedians(Map<String, List<Double>> phases) {
        StringBuilder medians = new StringBuilder("  Server-Timing medians (ms):");
        phases.forEach((phase, values) -> medians.append(String.format(Locale.ROOT, " %s %.1f", phase, median(values))));
        System.out.println(medians);
    }

    private static Teken.Answer ok(Teken.Answer a, String what) {
        if (a.status() != 200) {
            throw new IllegalStateException(what + ": HTTP " + a.status() + " " + new String(a.body(), StandardCharsets.UTF_8));
        }
        return a;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        if (v != null && !v.isBlank()) {
            return v;
        }
        if (fallback == null) {
            throw new IllegalStateException("no signer: run ./teken demo first (it writes .teken/demo/signer.env), or set " + name);
        }
        return fallback;
    }

    private static Map<String, String> signerEnv(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return values;
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> o = new LinkedHashMap<>(Map.of("singles", 40, "batches", 6, "batch", 10, "letter-seconds", 20,
                "callers", 8, "soak-callers", 50, "soak-seconds", 60, "sequential", 3000, "verifications", 30));
        o.put("teken-only", 0);
        o.put("letters-only", 0);
        o.put("batches-only", 0);
        o.put("warm-seconds", 45);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick")) {
                o.putAll(Map.of("singles", 10, "batches", 2, "letter-seconds", 8, "soak-seconds", 15, "sequential", 300,
                        "verifications", 10, "warm-seconds", 15));
            } else if (a.startsWith("--") && o.containsKey(a.substring(2)) && i + 1 < args.length) {
                o.put(a.substring(2), Integer.parseInt(args[++i]));
            } else {
                throw new IllegalArgumentException("unknown option " + a + "; options: --quick " + o.keySet());
            }
        }
        return o;
    }
}
