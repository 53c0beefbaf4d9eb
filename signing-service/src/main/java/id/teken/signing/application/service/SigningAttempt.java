package id.teken.signing.application.service;

import id.teken.signing.application.port.out.SignerDirectory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One signing request's progress: the documents' ids, who signs (the NIP, and the directory's profile once looked up),
 * which file a failure belongs to, and the Server-Timing breakdown of its phases.
 */
final class SigningAttempt {

    final Instant now;
    final List<String> ids;
    String nip;
    int file;
    SignerDirectory.Signer profile;
    /** The visible block's first line; null: a person's ("Ditandatangani secara elektronik oleh:"). */
    String heading;

    private final StringBuilder timing = new StringBuilder();
    private long lap = System.nanoTime();

    SigningAttempt(Instant now, int count, String nip) {
        this.now = now;
        this.ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
        this.nip = nip;
    }

    /** Closes the current phase of the Server-Timing breakdown. */
    void mark(String phase) {
        long now = System.nanoTime();
        timing.append(timing.isEmpty() ? "" : ", ").append(phase).append(";dur=").append((now - lap) / 1_000_000);
        lap = now;
    }

    String timing() {
        return timing.toString();
    }
}
