package id.teken.gateway.application.port.out;

/** Writes the internal identity a proven system client goes on with upstream, in place of its secret. */
public interface CallerAssertions {

    String forSystemClient(String username);
}
