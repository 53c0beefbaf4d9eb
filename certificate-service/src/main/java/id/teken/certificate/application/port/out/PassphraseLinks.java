package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.PassphraseLink;

import java.time.Instant;
import java.util.Optional;

/** Stored passphrase links (hashes only). */
public interface PassphraseLinks {

    void save(PassphraseLink link);

    Optional<PassphraseLink> findByTokenHash(String tokenHash);

    /** Marks the link used if nobody did first. */
    boolean markUsed(String tokenHash, Instant now);

    void retireOthers(String nip, Instant now);

    long countIssuedSince(String nip, PassphraseLink.Purpose purpose, Instant since);
}
