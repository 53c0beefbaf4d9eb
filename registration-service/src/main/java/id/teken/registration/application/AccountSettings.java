package id.teken.registration.application;

import java.time.Duration;

/** The tenant and account rules the services apply, read from configuration by the config package. */
public record AccountSettings(
        String tenantMailDomain,
        String publicUrl,
        Duration resetLinkValidity,
        int maxResetMailsPerHour,
        int maxFailuresPerNip,
        int maxFailuresPerAddress) {
}
