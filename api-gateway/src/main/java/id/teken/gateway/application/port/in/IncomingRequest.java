package id.teken.gateway.application.port.in;

/**
 * What the gateway knows of a public request before its body is read: the path, the caller's address, the declared
 * body length and the credentials (either may be absent) and the request id.
 */
public record IncomingRequest(String method, String path, String callerAddress, String contentLength, String authorization,
                              String requestId) {
}
