package id.teken.signing.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Signed PDFs kept for BSrE v1's one-time download. */
public interface PendingDownloads {

    void store(UUID documentId, String clientId, String fileName, byte[] pdf, Instant at);

    /** The row, if any: the PDF is null once downloaded or dropped after the retention time. */
    Optional<Pending> find(UUID documentId);

    /** Marks downloaded and drops the bytes; false when someone else took it first. */
    boolean take(UUID documentId, Instant at);

    /** Drops the bytes of everything stored before the cut-off. */
    int dropOlderThan(Instant cutoff);

    /** A kept document. */
    record Pending(UUID documentId, String clientId, String fileName, byte[] pdf, Instant createdAt, Instant downloadedAt) {
    }
}
