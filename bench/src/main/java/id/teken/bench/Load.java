package id.teken.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Callers signing the same document in a loop for some seconds. */
final class Load {
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

    static Load run(Teken teken, byte[] pdf, int callers, int seconds) throws Exception {
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
    int lost(Teken teken) throws Exception {
        int missing = noAnswer;
        for (String id : documentIds) {
            Teken.Answer a = teken.get("/verify/" + id, false);
            if (a.status() != 200 || new String(a.body(), StandardCharsets.UTF_8).contains("tidak ditemukan")) {
                missing++;
            }
        }
        return missing;
    }

    private static boolean startsWithPdf(byte[] body) {
        return body.length > 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F';
    }

    private static String code(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(s);
        return m.find() ? m.group(1) : s.substring(0, Math.min(60, s.length()));
    }
}
