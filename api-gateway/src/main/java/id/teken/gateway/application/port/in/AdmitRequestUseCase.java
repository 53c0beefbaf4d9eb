package id.teken.gateway.application.port.in;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a public request may go on and as whom: route, path length, rate limits, declared body size,
 * a user's token and role or a system client's credentials. The body is not read yet.
 */
public interface AdmitRequestUseCase {

    CompletionStage<Admission> admit(IncomingRequest request);
}
