package id.teken.signing.application.service;

import id.teken.signing.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/**
 * Short transactions around the database steps of a longer piece of work (a signature waits for certificate-service and
 * the TSA; it must not hold a database connection meanwhile). A DomainException does not roll back what was written.
 */
@ApplicationScoped
public class Transactions {

    @Transactional(dontRollbackOn = DomainException.class)
    public <T> T run(Supplier<T> work) {
        return work.get();
    }

    @Transactional(dontRollbackOn = DomainException.class)
    public void run(Runnable work) {
        work.run();
    }
}
