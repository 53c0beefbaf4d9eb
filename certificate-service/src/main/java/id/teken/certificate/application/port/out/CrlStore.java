package id.teken.certificate.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** The signed CRLs of each CA (the issuing CA's over subscriber certificates, the root's over CA certificates), newest last. */
public interface CrlStore {

    /** Which CA signed a CRL. */
    enum Issuer { ISSUING, ROOT }

    long nextNumber(Issuer issuer);

    void save(Issuer issuer, long number, Instant thisUpdate, Instant nextUpdate, byte[] der);

    Optional<byte[]> latest(Issuer issuer);

    /** When the newest CRL of the issuer was signed, if there is one. */
    Optional<Instant> latestThisUpdate(Issuer issuer);
}
