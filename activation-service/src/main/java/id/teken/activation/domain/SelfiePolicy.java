package id.teken.activation.domain;

/**
 * The checks every selfie passes before anyone compares faces: size limit, minimum dimensions, not too
 * dark or bright, not blurred. Each failure says what to do in Indonesian.
 */
public record SelfiePolicy(long maxBytes, int minWidth, int minHeight, double minLuminance, double maxLuminance,
                           double minSharpness) {

    public void checkSize(long bytes) {
        if (bytes <= 0) {
            throw new DomainException(ErrorCode.SELFIE_UNREADABLE, "Berkas swafoto kosong.");
        }
        if (bytes > maxBytes) {
            throw new DomainException(ErrorCode.SELFIE_TOO_LARGE,
                    "Ukuran swafoto maksimal " + (maxBytes / (1024 * 1024)) + " MB. Kecilkan resolusi foto lalu unggah lagi.");
        }
    }

    public void check(SelfieMetrics m) {
        if (m.width() < minWidth || m.height() < minHeight) {
            throw new DomainException(ErrorCode.SELFIE_TOO_SMALL, "Resolusi swafoto minimal " + minWidth + "x" + minHeight
                    + " piksel (diterima " + m.width() + "x" + m.height() + ").");
        }
        if (m.meanLuminance() < minLuminance) {
            throw new DomainException(ErrorCode.SELFIE_TOO_DARK,
                    "Swafoto terlalu gelap. Ambil foto di tempat yang lebih terang, menghadap sumber cahaya.");
        }
        if (m.meanLuminance() > maxLuminance) {
            throw new DomainException(ErrorCode.SELFIE_TOO_BRIGHT,
                    "Swafoto terlalu terang. Hindari cahaya langsung dari belakang atau lampu kilat.");
        }
        if (m.sharpness() < minSharpness) {
            throw new DomainException(ErrorCode.SELFIE_BLURRED,
                    "Swafoto buram. Pegang kamera dengan stabil dan pastikan wajah terlihat jelas.");
        }
    }
}
