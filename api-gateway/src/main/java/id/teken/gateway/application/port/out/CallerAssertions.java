package id.teken.gateway.application.port.out;

/**
 * Writes the internal identity a proven system client goes on with upstream, in place of its secret, for exactly this
 * request (method and path).
 */
public interface CallerAssertions {

    /** Whether its key is configured; without it system clients cannot be served. */
    boolean configured();

    String forSystemClient(String username, String method, String path);
}
