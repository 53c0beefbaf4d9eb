package id.teken.signing.application.service;

import id.teken.signing.application.port.in.LookUpSignerStatusUseCase;
import id.teken.signing.application.port.out.SignerDirectory;
import id.teken.signing.application.port.out.SignerStatuses;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

/**
 * registration-service knows all nine statuses; the certificate projection here is newer for SUSPEND, REVOKE and
 * EXPIRED (it follows certificate.* at once), so it wins for those.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SignerStatusLookupService implements LookUpSignerStatusUseCase {

    private final SignerDirectory directory;
    private final SignerStatuses statuses;

    @Override
    public String status(String nik, String email) {
        return directory.find(null, nik, email).map(signer -> statuses.find(signer.nip())
                        .filter(s -> !s.status().signs() && "ISSUE".equals(signer.status())).map(s -> s.status().name())
                        .orElse(signer.status()))
                .orElse("NOT_REGISTERED");
    }
}
