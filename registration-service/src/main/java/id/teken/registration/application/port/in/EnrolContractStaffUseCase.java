package id.teken.registration.application.port.in;

import id.teken.registration.domain.ContractTerms;
import id.teken.registration.domain.EmailDinas;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.PersonDetails;
import id.teken.registration.domain.Registration;

import java.util.Optional;

/**
 * "Pihak lain": a Verifikator TTE enrols a person under a work contract with the Pemkab who is not PNS or PPPK (the
 * seed's Ketentuan 2). Either the person is in the employee export (their number there is their sign-in NIP) or they are
 * not, and the verifier gives their name, unit and position: then the civil registry must know the NIK under that name,
 * and the person gets an account number (a NIPTT) and a mail with it and a link to set their password. Either way their NIK
 * checks out against the civil registry; the registration starts as a self-registration would (the activation link goes
 * to the Email Dinas) but is always reviewed, and the certificate never outlasts the contract.
 */
public interface EnrolContractStaffUseCase {

    Enrolment enrol(EnrolCommand command);

    /**
     * Valid in form: the NIP (when the person is in the export) or the person's details (when not), the NIK, the Email
     * Dinas at the tenant domain, the contract's terms.
     */
    record EnrolCommand(Nip verifier, Optional<Nip> nip, Optional<PersonDetails> person, Nik nik, EmailDinas emailDinas,
                        ContractTerms contract) {
        public EnrolCommand {
            if (nip.isPresent() == person.isPresent()) {
                throw new IllegalArgumentException("either the number in the export or the person's details");
            }
        }
    }

    /** The registration, and whether a new account number was handed out (its mail then goes to the Email Dinas). */
    record Enrolment(Registration registration, String nama, boolean newAccount) {
    }
}
