package id.teken.signing.application.port.out;

import java.time.Instant;
import java.util.List;

/** The trail of every ADMIN change to system clients and every automatic disable. */
public interface AdminAudit {

    void record(Entry entry);

    List<Entry> latest(int limit);

    /** One audited action; detail never holds a secret. */
    record Entry(Instant at, String actorNip, String action, String clientUsername, String detail) {
    }
}
