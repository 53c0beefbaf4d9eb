package id.teken.registration.application.port.in;

import id.teken.registration.domain.ContractTerms;
import id.teken.registration.domain.EmailDinas;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Registration;

/**
 * "Pihak lain": a Verifikator TTE enrols a person under a work contract with the Pemkab who is not PNS or PPPK (the
 * seed's Ketentuan 2). The person is in the employee export (their number there is their sign-in NIP), their NIK checks
 * out against the civil registry; the registration starts as a self-registration would (the activation link goes to the
 * Email Dinas) but is always reviewed, and the certificate never outlasts the contract.
 */
public interface EnrolContractStaffUseCase {

    Registration enrol(EnrolCommand command);

    /** Valid in form: the NIP and NIK structures, the Email Dinas at the tenant domain, the contract's terms. */
    record EnrolCommand(Nip verifier, Nip nip, Nik nik, EmailDinas emailDinas, ContractTerms contract) {
    }
}
