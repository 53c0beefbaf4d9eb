package id.teken.signing.application.port.in;

/** BSrE v1: a signed PDF kept briefly for one download by the client that signed it. */
public interface OneTimeDownloadUseCase {

    void keep(String documentId, String clientId, String fileName, byte[] pdf);

    /** The PDF, once; DOCUMENT_ALREADY_DOWNLOADED the second time; DOCUMENT_NOT_FOUND for unknown, foreign or expired ids. */
    Download take(String documentId, String clientId);

    /** Drops the bytes of every document kept longer than the retention time (the scheduled purge); how many. */
    int purgeExpired();

    /** A downloaded document. */
    record Download(String fileName, byte[] pdf) {
    }
}
