package id.teken.registration.config;

import id.teken.registration.adapter.out.civil.CsvCivilRegistry;
import id.teken.registration.adapter.out.directory.CsvEmployeeDirectory;
import id.teken.registration.adapter.out.directory.DirectoryWithContractStaff;
import id.teken.registration.adapter.out.directory.HttpSiasnDirectory;
import id.teken.registration.application.AccountSettings;
import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.application.port.out.ContractStaffRoster;
import id.teken.registration.application.port.out.EmployeeDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Wires configuration into the application core and picks the directory adapter (csv or http). */
@ApplicationScoped
public class RegistrationBeans {

    @Inject
    RegistrationConfig config;

    private CsvEmployeeDirectory csv;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    AccountSettings accountSettings() {
        RegistrationConfig.Login login = config.accounts().login();
        return new AccountSettings(config.tenant().mailDomain(), config.publicUrl().replaceAll("/+$", ""),
                config.accounts().passwordReset().validity(), config.accounts().passwordReset().maxMailsPerHour(),
                login.maxFailuresPerNip(), login.window(), login.addressBurst(), login.addressRefill());
    }

    /** The export or SIASN, then the contract staff enrolled without a number there. */
    @Produces
    @Singleton
    EmployeeDirectory employeeDirectory(ContractStaffRoster roster) {
        return new DirectoryWithContractStaff(baseDirectory(), roster, config.tenant().instansi(), config.tenant().provinsi());
    }

    private EmployeeDirectory baseDirectory() {
        RegistrationConfig.Directory directory = config.directory();
        return switch (directory.type()) {
            case "csv" -> csv();
            case "http" -> new HttpSiasnDirectory(URI.create(directory.http().baseUrl()), directory.http().apiKey().orElse(null),
                    directory.http().timeout());
            default -> throw new IllegalStateException("teken.directory.type must be csv or http, not " + directory.type());
        };
    }

    /**
     * The civil registry: Disdukcapil's extract when one is configured (it knows people who are not in the employee export),
     * then the NIK column of the employee export. A Dukcapil web-service adapter is a later step.
     */
    @Produces
    @Singleton
    CivilRegistry civilRegistry() {
        // An empty file (compose mounts /dev/null when no extract is named) counts as none.
        Optional<CivilRegistry> extract = config.civilRegistry().csv().path().filter(p -> !p.isBlank()).map(Path::of)
                .filter(RegistrationBeans::hasContent).map(CsvCivilRegistry::new);
        CivilRegistry export = csv();
        return extract.<CivilRegistry>map(first -> nik -> first.findByNik(nik).or(() -> export.findByNik(nik))).orElse(export);
    }

    private static boolean hasContent(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return in.read() >= 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("civil registry CSV not readable: " + file, e);
        }
    }

    private synchronized CsvEmployeeDirectory csv() {
        if (csv == null) {
            csv = new CsvEmployeeDirectory(Path.of(config.directory().csv().path()));
        }
        return csv;
    }
}
