package id.teken.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One measured series: each call's time and the wall time of the whole loop. */
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

    interface Timed {
        long run() throws Exception;
    }

    interface Work {
        Object run() throws Exception;
    }

    static long call(Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        return System.nanoTime() - t0;
    }

    static Series loop(String what, int n, Timed body) throws Exception {
        List<Long> nanos = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            nanos.add(body.run());
        }
        return new Series(what, nanos, System.nanoTime() - t0);
    }
}
