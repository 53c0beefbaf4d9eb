package id.teken.signing.application.port.in;

import java.time.Instant;

/**
 * BSrE's sign TOTP for a system client: the signer (by NIK or email) is asked to approve {@code documents} signatures
 * through this client; they get a mail with a code and a link where they approve with their passphrase, and the client
 * then signs with the code instead of the passphrase. The client's scope and failure budget apply as for signing.
 */
public interface RequestSigningApprovalUseCase {

    /** Until when the request holds; NOT_REGISTERED, CLIENT_SCOPE, CERTIFICATE_NOT_ACTIVE, TOTP_TOO_MANY DomainExceptions. */
    Instant requestApproval(SignDocumentUseCase.SignerRef signer, SignDocumentUseCase.Requester requester, int documents);
}
