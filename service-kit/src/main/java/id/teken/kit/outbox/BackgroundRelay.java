package id.teken.kit.outbox;

import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The worker both relays share (events to Kafka, mails to SMTP): one daemon thread that handles a round of pending rows,
 * waits for the next poll or for {@link #wake()} (called after a commit that added rows), and backs off from 500 ms up
 * to 10 s while a round keeps failing (Kafka, SMTP or the database away).
 */
public abstract class BackgroundRelay {

    private static final Logger LOG = Logger.getLogger(BackgroundRelay.class);

    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean woken;
    private Thread worker;
    private int batchSize;
    private Duration pollInterval;

    /**
     * One round, with its housekeeping; returns how many rows it handled. A RuntimeException means "try again after a
     * back-off".
     */
    protected abstract int round();

    /** Starts the thread; a round that handled batchSize rows is followed at once by the next one. */
    protected void startWorker(String threadName, int batchSize, Duration pollInterval) {
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        running = true;
        worker = new Thread(this::loop, threadName);
        worker.setDaemon(true);
        worker.start();
    }

    protected void stopWorker(long joinMillis) {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    protected boolean isRunning() {
        return running;
    }

    /** Called after a commit that wrote rows, so they go out without waiting for the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        long backoffMs = 500;
        while (running) {
            try {
                int handled = round();
                backoffMs = 500;
                if (handled < batchSize) {
                    pause(pollInterval.toMillis());
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s paused (%s); retrying in %d ms", getClass().getSimpleName().replace("_Subclass", ""),
                        rootMessage(e), backoffMs);
                pause(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
    }

    private void pause(long millis) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** The innermost cause's class and message (no stack trace). */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
