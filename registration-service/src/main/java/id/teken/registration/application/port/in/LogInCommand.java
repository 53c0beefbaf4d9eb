package id.teken.registration.application.port.in;

import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nip;

/** A login attempt; the NIP must be well formed, the password present. The client address feeds the throttle. */
public record LogInCommand(Nip nip, char[] password, String clientAddress) {

    public LogInCommand {
        if (password == null || password.length == 0) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "Password wajib diisi.");
        }
        if (password.length > 256) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "NIP atau password salah.");
        }
    }

    public static LogInCommand of(String nip, String password, String clientAddress) {
        return new LogInCommand(Nip.of(nip), password == null ? null : password.toCharArray(), clientAddress);
    }
}
