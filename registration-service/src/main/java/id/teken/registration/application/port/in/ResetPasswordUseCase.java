package id.teken.registration.application.port.in;

import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.ErrorCode;

/** Sets a new password through a mailed link; this also activates a new account. */
public interface ResetPasswordUseCase {

    void resetPassword(ResetPasswordCommand command);

    /** The link's token and the new password. */
    record ResetPasswordCommand(String token, char[] newPassword) {
        public ResetPasswordCommand {
            if (newPassword == null || newPassword.length == 0) {
                throw new DomainException(ErrorCode.PASSWORD_WEAK, "Password baru wajib diisi.");
            }
        }
    }
}
