package id.teken.certificate.application.port.out;

import java.math.BigInteger;
import java.time.Instant;

/** RFC 3161: answers a time-stamp query with a token signed by the TSA certificate (or a rejection). */
public interface TimeStampAuthority {

    byte[] respond(byte[] query, BigInteger serialNumber, Instant time);
}
