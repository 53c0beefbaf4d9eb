package id.teken.certificate.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** The signed CRLs, newest last. */
public interface CrlStore {

    long nextNumber();

    void save(long number, Instant thisUpdate, Instant nextUpdate, byte[] der);

    Optional<byte[]> latest();
}
