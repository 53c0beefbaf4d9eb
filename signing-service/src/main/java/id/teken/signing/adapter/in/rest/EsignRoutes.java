package id.teken.signing.adapter.in.rest;

import id.teken.signing.application.port.in.LookUpSignerStatusUseCase;
import id.teken.signing.application.port.in.OneTimeDownloadUseCase;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.application.port.in.VerifyDocumentUseCase;
import id.teken.signing.config.SigningConfig;
import jakarta.inject.Inject;

/** What the BSrE-compatible routes of both versions work with: the use cases, the caller and the limits. */
abstract class EsignRoutes {

    @Inject
    SigningConfig config;

    @Inject
    SignDocumentUseCase signing;

    @Inject
    id.teken.signing.application.port.in.RequestSigningApprovalUseCase approvals;

    @Inject
    VerifyDocumentUseCase verification;

    @Inject
    OneTimeDownloadUseCase downloads;

    @Inject
    LookUpSignerStatusUseCase statuses;

    @Inject
    Callers callers;
}
