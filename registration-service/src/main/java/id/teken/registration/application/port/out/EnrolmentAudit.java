package id.teken.registration.application.port.out;

import id.teken.registration.domain.ContractTerms;
import id.teken.registration.domain.Registration;

/** The audit trail of verifiers' enrolments of contract staff (in the enrolment's transaction). */
public interface EnrolmentAudit {

    void enrolled(Registration registration, ContractTerms contract);
}
