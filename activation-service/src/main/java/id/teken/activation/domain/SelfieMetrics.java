package id.teken.activation.domain;

/** Measurements of a decoded selfie: size, mean luminance (0-255) and sharpness (variance of the Laplacian). */
public record SelfieMetrics(int width, int height, double meanLuminance, double sharpness) {
}
