package id.teken.certificate.application.port.out;

import java.math.BigInteger;
import java.time.Instant;

/** RFC 3161: answers a time-stamp query with a token signed by the TSA certificate (or a rejection). */
public interface TimeStampAuthority {

    byte[] respond(byte[] query, BigInteger serialNumber, Instant time);

    /** A time-stamp token (CMS ContentInfo, the TSA's certificates included) over a SHA-256 imprint. */
    byte[] token(byte[] sha256Imprint, BigInteger serialNumber, Instant time);
}
