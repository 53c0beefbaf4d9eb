package id.teken.kit.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading and writing the columns of native statements the same way in every adapter (timestamps as instants). */
public final class SqlRows {

    private SqlRows() {
    }

    /** A timestamp column as the JDBC driver hands it (Timestamp, OffsetDateTime or Instant), or null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** An instant as a statement parameter, or null. */
    public static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }
}
