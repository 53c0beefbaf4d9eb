package id.teken.bench;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
        Stack stack = new Stack(root);

        System.out.printf(Locale.ROOT, "Teken bench %s on %d cores, Java %s; gateway %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), gateway);
        long idleRss = stack.rssBytes();
        System.out.printf(Locale.ROOT, "stack memory (PSS) before the run: %s%n", stack.rssReport());

        byte[] big = bigPdf(1024 * 1024, 1);
        byte[] letter = letter();
        System.out.printf(Locale.ROOT, "documents: 1 MB PDF (%d bytes, 3 pages, incompressible image), letter (%d bytes, 2 pages)%n",
                big.length, letter.length);
        if (o.get("teken-only") > 0) {
            // Profiling aid: only Teken's single signatures of the 1 MB file, no peers.
            Series s = loop("Teken POST /api/v1/signatures, 1 MB, default level", o.get("teken-only"), () -> ok(teken.sign(big, null), "signature").nanos());
            System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms%n", s.what(), s.rate(), s.medianMs());
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
        Series dss1 = loop("DSS B-T in-process, 1 MB", singles, () -> call(() -> peers.dss(big)));
        Series itext = loop("iText 5 B-T in-process, 1 MB", singles, () -> call(() -> peers.itext(big)));
        Map<String, Long> cpuBefore = stack.cpuMillis();
        List<Double> passphrase = new ArrayList<>();
        Series single = loop("Teken POST /api/v1/signatures, 1 MB, default level", singles, () -> {
            Teken.Answer a = ok(teken.sign(big, null), "signature");
            passphrase.add(a.timing("passphrase"));
            return a.nanos();
        });
        Map<String, Long> cpuAfter = stack.cpuMillis();
        Series dss2 = loop("DSS B-T in-process, 1 MB (again)", singles, () -> call(() -> peers.dss(big)));
        double dssRate = (dss1.rate() + dss2.rate()) / 2;
        report(dss1, dss2, itext, single);
        System.out.printf(Locale.ROOT, "  passphrase check in certificate-service (Server-Timing): median %.1f ms%n", median(passphrase));
        System.out.printf(Locale.ROOT, "  CPU per Teken signature, ms: %s%n", stack.perDoc(cpuBefore, cpuAfter, singles));
        goal("1. single 1 MB signature >= 0.5 x DSS B-T", single.rate() / dssRate, 0.5);

        // 2. Batches of the same file.
        int batch = o.get("batch");
        List<byte[]> files = Collections.nCopies(batch, big);
        Series batches = loop("Teken POST /api/v1/signatures/batch, " + batch + " x 1 MB", o.get("batches"),
                () -> ok(teken.signBatch(files), "batch").nanos());
        double batchRate = batch * batches.rate();
        System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms per batch%n", batches.what(), batchRate, batches.medianMs());
        goal("2. batch of " + batch + " x 1 MB >= 1.0 x DSS B-T", batchRate / dssRate, 1.0);
        goal("2. stretch: batch >= 1.0 x iText 5", batchRate / itext.rate(), 1.0);

        // 4. Concurrent callers on the 2-page letter.
        int seconds = o.get("letter-seconds");
        Load one = load(teken, letter, 1, seconds);
        Load many = load(teken, letter, o.get("callers"), seconds);
        System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms, p99 %.0f ms, errors %d%n",
                "Teken letter, 1 caller, " + seconds + " s", one.rate(), one.series.medianMs(), one.series.p99Ms(), one.errors.get());
        System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms, p99 %.0f ms, errors %d%n",
                "Teken letter, " + o.get("callers") + " callers, " + seconds + " s", many.rate(), many.series.medianMs(),
                many.series.p99Ms(), many.errors.get());
        goal("4. " + o.get("callers") + " callers >= 1.8 x one caller", many.rate() / one.rate(), 1.8);
        goalZero("4. errors with " + o.get("callers") + " callers", one.errors.get() + many.errors.get());

        Load soak = load(teken, letter, o.get("soak-callers"), o.get("soak-seconds"));
        int lost = lost(teken, soak);
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
        Series verify = loop("Teken POST /api/v1/verifications, signed 1 MB", verifications,
                () -> ok(teken.verify(signedBig), "verification").nanos());
        Series dssVerify = loop("DSS validation in-process (no revocation fetch)", verifications, () -> call(() -> {
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
    record Series(String what, List<Long> nanos, long wallNanos) {
        double rate() {
            return nanos.size() / (wallNanos / 1e9);
        }

        double medianMs() {
            return percentile(0.5);
        }

        double p99Ms() {
            return percentile(0.99);
        }

        double percentile(double p) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    interface Timed {
        long run() throws Exception;
    }

    interface Work {
        Object run() throws Exception;
    }

    private static long call(Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        return System.nanoTime() - t0;
    }

    private static Series loop(String what, int n, Timed body) throws Exception {
        List<Long> nanos = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            nanos.add(body.run());
        }
        return new Series(what, nanos, System.nanoTime() - t0);
    }

    private static void report(Series dss1, Series dss2, Series itext, Series single) {
        for (Series s : List.of(dss1, dss2, itext, single)) {
            System.out.printf(Locale.ROOT, "%-58s %6.2f docs/s, median %.0f ms, p99 %.0f ms%n", s.what(), s.rate(), s.medianMs(), s.p99Ms());
        }
    }

    /** Callers signing the same document in a loop for some seconds. */
    static final class Load {
        final Series series;
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, Integer> errorCodes = new java.util.concurrent.ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> documentIds = new ConcurrentLinkedQueue<>();
        int noAnswer;

        Load(Series series) {
            this.series = series;
        }

        double rate() {
            return series.rate();
        }
    }

    private static Load load(Teken teken, byte[] pdf, int callers, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> codes = new java.util.concurrent.ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger noAnswer = new AtomicInteger();
        teken.token();
        long t0 = System.nanoTime();
        long until = t0 + seconds * 1_000_000_000L;
        for (int c = 0; c < callers; c++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    try {
                        Teken.Answer a = teken.sign(pdf, null);
                        if (a.status() == 200 && a.documentId() != null && startsWithPdf(a.body())) {
                            nanos.add(a.nanos());
                            ids.add(a.documentId());
                        } else {
                            errors.incrementAndGet();
                            codes.merge("HTTP " + a.status() + " " + code(a.body()), 1, Integer::sum);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        noAnswer.incrementAndGet();
                        codes.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long wall = System.nanoTime() - t0;
        pool.shutdown();
        Load load = new Load(new Series("letter x " + callers, new ArrayList<>(nanos), wall));
        load.errors.set(errors.get());
        load.errorCodes.putAll(codes);
        load.documentIds.addAll(ids);
        load.noAnswer = noAnswer.get();
        return load;
    }

    /** Requests that got no answer, plus signed documents the public verification page does not know. */
    private static int lost(Teken teken, Load load) throws Exception {
        int missing = load.noAnswer;
        for (String id : load.documentIds) {
            Teken.Answer a = teken.get("/verify/" + id, false);
            if (a.status() != 200 || new String(a.body(), StandardCharsets.UTF_8).contains("tidak ditemukan")) {
                missing++;
            }
        }
        return missing;
    }

    /** n calls one after another, round the routes of every service (through the gateway and to the management ports). */
    private static void sequential(Teken teken, Stack stack, int n, byte[] signedPdf) throws Exception {
        String id = ok(teken.sign(letter(), null), "signature for the verify page").documentId();
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

    private static Teken.Answer ok(Teken.Answer a, String what) {
        if (a.status() != 200) {
            throw new IllegalStateException(what + ": HTTP " + a.status() + " " + new String(a.body(), StandardCharsets.UTF_8));
        }
        return a;
    }

    private static boolean startsWithPdf(byte[] body) {
        return body.length > 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F';
    }

    private static String code(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(s);
        return m.find() ? m.group(1) : s.substring(0, Math.min(60, s.length()));
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

    // ---- the documents ----

    /** A real PDF of about the target size: three pages of text, the first with an incompressible (noise) image. */
    static byte[] bigPdf(int target, long seed) throws IOException {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(target + 65536)) {
            Random random = new Random(seed);
            int side = (int) Math.sqrt((target - 8000) / 3.0);
            BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    noise.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            PDImageXObject image = LosslessFactory.createFromImage(d, noise);
            for (int p = 1; p <= 3; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                d.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(d, page)) {
                    text(s, 72, 770, "Benchmark Teken - halaman " + p + " dari 3");
                    if (p == 1) {
                        s.drawImage(image, 72, 300, 400, 400);
                    }
                }
            }
            d.save(out);
            return out.toByteArray();
        }
    }

    /** A two-page official letter: heading, body text, signature place. */
    static byte[] letter() throws IOException {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 1; p <= 2; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                d.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(d, page)) {
                    text(s, 72, 780, "PEMERINTAH KABUPATEN PONOROGO - SURAT DINAS (halaman " + p + " dari 2)");
                    for (int line = 0; line < 40; line++) {
                        text(s, 72, 740 - line * 15, "Baris " + (line + 1) + ": dengan hormat, bersama ini kami sampaikan "
                                + "laporan kegiatan bulanan untuk diketahui dan ditindaklanjuti.");
                    }
                }
            }
            d.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream s, float x, float y, String text) throws IOException {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    // ---- the stack's processes ----

    /** The local stack's processes (./teken's pid files, PostgreSQL's postmaster and its children). */
    static final class Stack {
        private final Path root;

        Stack(Path root) {
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
}
