package id.teken.registration.application.service;

import id.teken.registration.application.port.in.NotifyAdminsUseCase;
import id.teken.registration.application.port.out.AccountMailer;
import id.teken.registration.application.port.out.AccountRepository;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.domain.Account;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/** Notices for the ADMINs, mailed to the Email SIASN the directory holds for each. */
@ApplicationScoped
@RequiredArgsConstructor
public class AdminNoticeService implements NotifyAdminsUseCase {

    private static final Logger LOG = Logger.getLogger(AdminNoticeService.class);

    private final AccountRepository accounts;
    private final EmployeeDirectory directory;
    private final AccountMailer mailer;

    @Override
    @Transactional
    public int clientDisabled(String clientUsername, String reason, long failures, Instant at) {
        int mailed = 0;
        for (Account admin : accounts.findWithRole(Role.ADMIN)) {
            Optional<Employee> employee = directory.findByNip(admin.nip());
            if (employee.isEmpty() || employee.get().emailSiasn().isEmpty()) {
                LOG.warnf("ADMIN %s has no Email SIASN in the directory; not told about client %s", admin.nip().value(), clientUsername);
                continue;
            }
            mailer.sendClientDisabled(employee.get().emailSiasn().get(), employee.get().nama(), clientUsername, reason, at);
            mailed++;
        }
        return mailed;
    }
}
