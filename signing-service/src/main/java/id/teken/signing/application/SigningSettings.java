package id.teken.signing.application;

/** Settings of the signing core: the public address (QR codes point at publicUrl/verify/{id}) and the batch limit. */
public record SigningSettings(String publicUrl, int maxBatchFiles) {
}
