package id.teken.devstack;

/** An internal API for the contract tests: its base URL and the service token it takes. */
public record InternalEndpoint(String baseUrl, String serviceToken) {
}
