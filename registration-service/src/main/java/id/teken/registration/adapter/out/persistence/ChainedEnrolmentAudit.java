package id.teken.registration.adapter.out.persistence;

import id.teken.kit.audit.AuditChain;
import id.teken.registration.application.port.out.EnrolmentAudit;
import id.teken.registration.domain.ContractTerms;
import id.teken.registration.domain.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Enrolments as entries of registration-service's hash-chained audit trail (never the NIK in the detail). */
@ApplicationScoped
public class ChainedEnrolmentAudit implements EnrolmentAudit {

    @Inject
    AuditChain chain;

    @Override
    public void enrolled(Registration registration, ContractTerms contract) {
        chain.append(contract.enrolledBy().value(), "contract-staff.enrolled", registration.nip().value(),
                "registration=" + registration.id() + "; contract=" + contract.reference() + "; endsAt=" + contract.endsAt());
    }
}
