package id.teken.signing.application;

/**
 * Settings of the signing core: the public address (QR codes point at publicUrl/verify/{id}), the batch limit, and a
 * system client's failure budget (failures per hour before it is throttled, per day before it is turned off).
 */
public record SigningSettings(String publicUrl, int maxBatchFiles, int clientFailureThrottle, int clientFailureDisable) {
}
