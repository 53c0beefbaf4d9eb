package id.teken.registration.config;

import id.teken.registration.adapter.out.directory.CsvEmployeeDirectory;
import id.teken.registration.adapter.out.directory.HttpSiasnDirectory;
import id.teken.registration.application.AccountSettings;
import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.application.port.out.EmployeeDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Wires configuration into the application core and picks the directory adapter (csv or http). */
@ApplicationScoped
public class RegistrationBeans {

    @ConfigProperty(name = "teken.directory.type")
    String directoryType;

    @ConfigProperty(name = "teken.directory.csv.path")
    String csvPath;

    @ConfigProperty(name = "teken.directory.http.base-url")
    String httpBaseUrl;

    @ConfigProperty(name = "teken.directory.http.api-key")
    Optional<String> httpApiKey;

    @ConfigProperty(name = "teken.directory.http.timeout")
    Duration httpTimeout;

    private CsvEmployeeDirectory csv;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    AccountSettings accountSettings(
            @ConfigProperty(name = "teken.tenant.mail-domain") String mailDomain,
            @ConfigProperty(name = "teken.public-url") String publicUrl,
            @ConfigProperty(name = "teken.accounts.password-reset.validity") Duration resetValidity,
            @ConfigProperty(name = "teken.accounts.password-reset.max-mails-per-hour") int maxMails,
            @ConfigProperty(name = "teken.accounts.login.max-failures-per-nip") int perNip,
            @ConfigProperty(name = "teken.accounts.login.window") Duration window,
            @ConfigProperty(name = "teken.accounts.login.address-burst") int addressBurst,
            @ConfigProperty(name = "teken.accounts.login.address-refill") Duration addressRefill) {
        return new AccountSettings(mailDomain, publicUrl.replaceAll("/+$", ""), resetValidity, maxMails, perNip, window, addressBurst,
                addressRefill);
    }

    @Produces
    @Singleton
    EmployeeDirectory employeeDirectory() {
        return switch (directoryType) {
            case "csv" -> csv();
            case "http" -> new HttpSiasnDirectory(URI.create(httpBaseUrl), httpApiKey.orElse(null), httpTimeout);
            default -> throw new IllegalStateException("teken.directory.type must be csv or http, not " + directoryType);
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
            csv = new CsvEmployeeDirectory(Path.of(csvPath));
        }
        return csv;
    }
}
