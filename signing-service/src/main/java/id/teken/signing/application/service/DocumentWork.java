package id.teken.signing.application.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The per-document CPU work of a batch (preparing and finishing each signature) spread over the machine's cores. The
 * workers are as many as the cores, shared by every request, so parallel batches never run more PDF work at once than
 * there are cores (and never hold more PDFs in memory than that). A single document runs on the caller's thread.
 * If documents fail, the failure of the first of them (by position) is thrown, with its position: the error names the file.
 */
@ApplicationScoped
public class DocumentWork {

    private final ExecutorService workers;

    public DocumentWork() {
        this(Runtime.getRuntime().availableProcessors());
    }

    DocumentWork(int workers) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "teken-document-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The failure of one document of a batch: its position and what it threw. */
    public static final class Failed extends RuntimeException {
        private final int index;

        Failed(int index, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }

        public int index() {
            return index;
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** work(0) ... work(count - 1), the results in that order. */
    public <T> List<T> each(int count, IntFunction<T> work) {
        if (count == 1) {
            try {
                return List.of(work.apply(0));
            } catch (RuntimeException e) {
                throw new Failed(0, e);
            }
        }
        List<Future<T>> running = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            running.add(workers.submit(() -> work.apply(index)));
        }
        List<T> results = new ArrayList<>(count);
        Failed first = null;
        for (int i = 0; i < count; i++) {
            try {
                results.add(running.get(i).get());
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) {
                    first = new Failed(i, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
                    // The rest need not run: the batch fails as a whole.
                    for (int j = i + 1; j < count; j++) {
                        running.get(j).cancel(false);
                    }
                }
            } catch (java.util.concurrent.CancellationException e) {
                // cancelled after an earlier failure
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while signing", e);
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
