package id.teken.certificate.application;

import java.time.Duration;

/**
 * Seals: the Pemkab (a seal certificate's O), the tenant's mail domain (a unit's official address must be in it), how long a client's activation holds (each
 * refresh renews it), and how long a seal TOTP holds.
 */
public record SealSettings(String tenantName, String mailDomain, Duration activationValidity, Duration totpValidity) {
}
