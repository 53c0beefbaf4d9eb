package id.teken.registration.config;

import id.teken.registration.adapter.out.directory.CsvEmployeeDirectory;
import id.teken.registration.adapter.out.directory.HttpSiasnDirectory;
import id.teken.registration.application.AccountSettings;
import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.application.port.out.EmployeeDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

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

    @Produces
    @Singleton
    EmployeeDirectory employeeDirectory() {
        RegistrationConfig.Directory directory = config.directory();
        return switch (directory.type()) {
            case "csv" -> csv();
            case "http" -> new HttpSiasnDirectory(URI.create(directory.http().baseUrl()), directory.http().apiKey().orElse(null),
                    directory.http().timeout());
            default -> throw new IllegalStateException("teken.directory.type must be csv or http, not " + directory.type());
        };
    }

    /** The civil registry: the NIK column of the employee export (a Dukcapil HTTP adapter is a later step). */
    @Produces
    @Singleton
    CivilRegistry civilRegistry() {
        return csv();
    }

    private synchronized CsvEmployeeDirectory csv() {
        if (csv == null) {
            csv = new CsvEmployeeDirectory(Path.of(config.directory().csv().path()));
        }
        return csv;
    }
}
