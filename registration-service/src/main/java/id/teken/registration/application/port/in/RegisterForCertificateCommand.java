package id.teken.registration.application.port.in;

import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.EmailDinas;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;

/** A registration request, valid in form: NIK structure, Email SIASN syntax, Email Dinas at the tenant domain. */
public record RegisterForCertificateCommand(Nip nip, Nik nik, EmailAddress emailSiasn, EmailDinas emailDinas) {

    public static RegisterForCertificateCommand of(Nip nip, String nik, String emailSiasn, String emailDinas,
                                                   String tenantMailDomain) {
        return new RegisterForCertificateCommand(nip, Nik.of(nik),
                EmailAddress.parse(emailSiasn, ErrorCode.EMAIL_SIASN_INVALID, "Email SIASN"),
                EmailDinas.parse(emailDinas, tenantMailDomain));
    }
}
