package id.teken.registration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every setting of registration-service, typed (application.properties says what each is and its variable). */
@ConfigMapping(prefix = "teken")
public interface RegistrationConfig {

    Tenant tenant();

    /** The public base URL of the portal (links in mails), without a trailing slash. */
    String publicUrl();

    Directory directory();

    CivilRegistry civilRegistry();

    Accounts accounts();

    Jwt jwt();

    Internal internal();

    /** The Pemkab: its name in mails, the domain every Email Dinas must have, and the instansi and province of its staff. */
    interface Tenant {
        String name();

        String mailDomain();

        /** Instansi of contract staff enrolled without a number in the export (the export names it for everyone else). */
        String instansi();

        /** Province of contract staff enrolled without a number in the export. */
        String provinsi();
    }

    /** Disdukcapil's extract (nik, nama, tanggal_lahir); without it the employee export's NIK column is the registry. */
    interface CivilRegistry {
        CivilRegistryCsv csv();
    }

    interface CivilRegistryCsv {
        Optional<String> path();
    }

    /** The employee directory: the SIASN export (csv) or its HTTP API. */
    interface Directory {
        String type();

        Csv csv();

        Http http();
    }

    /** The employee export file. */
    interface Csv {
        String path();
    }

    /** The SIASN HTTP API with an optional key. */
    interface Http {
        String baseUrl();

        Optional<String> apiKey();

        Duration timeout();
    }

    /** Operators, password resets, login limits and password hashing. */
    interface Accounts {
        /** NIPs (comma-separated) that hold VERIFIKATOR; the list is authoritative at start-up. */
        Optional<String> verifiers();

        /** NIPs (comma-separated) that hold ADMIN. */
        Optional<String> admins();

        PasswordReset passwordReset();

        Login login();

        Hashing hashing();
    }

    /** Lupa Password: link validity, mails per hour, how often queued requests are worked off. */
    interface PasswordReset {
        Duration validity();

        int maxMailsPerHour();

        @WithDefault("PT0.5S")
        Duration pollInterval();
    }

    /** Wrong passwords per NIP in a window; a token bucket per caller address. */
    interface Login {
        int maxFailuresPerNip();

        Duration window();

        int addressBurst();

        Duration addressRefill();
    }

    /** Argon2id hashes at once (0: what half the heap holds). */
    interface Hashing {
        @WithDefault("0")
        int maxConcurrent();
    }

    /** The access tokens this service issues. */
    interface Jwt {
        String issuer();

        Duration lifetime();
    }

    /** The token internal callers present (signing-service); unset: the internal API refuses everyone. */
    interface Internal {
        Optional<String> token();
    }
}
