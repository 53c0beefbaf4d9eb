package id.teken.registration.application;

import java.time.Duration;

/**
 * The tenant and account rules the services apply, read from configuration by the config package. Logins: a NIP may
 * fail {@code maxFailuresPerNip} times within {@code failureWindow} before it must wait; an address may try
 * {@code addressBurst} logins at once and one more every {@code addressRefill} (a rate, not a ban: a whole office shares one
 * public address).
 */
public record AccountSettings(
        String tenantMailDomain,
        String publicUrl,
        Duration resetLinkValidity,
        int maxResetMailsPerHour,
        int maxFailuresPerNip,
        Duration failureWindow,
        int addressBurst,
        Duration addressRefill) {
}
