package id.teken.certificate.application;

import id.teken.certificate.application.fakes.InMemoryPassphraseAttempts;
import id.teken.certificate.application.port.out.PassphraseAttempts;
import java.util.UUID;

/** The in-memory fake of the application tests, held to the table adapter's contract. */
class InMemoryPassphraseAttemptsTest extends PassphraseAttemptsContract {

    private final InMemoryPassphraseAttempts attempts = new InMemoryPassphraseAttempts();

    @Override
    protected PassphraseAttempts attempts() {
        return attempts;
    }

    @Override
    protected UUID newCredential() {
        return UUID.randomUUID();
    }
}
