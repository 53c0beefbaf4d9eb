package id.teken.signing.domain;

import java.util.Locale;

/**
 * How a signature looks on the page: invisible, or a visible block with a QR code (pointing at the verification page
 * unless the caller gives its own link) or a specimen image, next to the signer's name, jabatan and the time. The block
 * is placed by page and coordinates (points, origin top-left; BSrE v1 callers give bottom-left) or at the first
 * occurrence of a marker text (tag_koordinat). An optional footer is written on every page of a not-yet-signed document.
 */
public record Appearance(Mode mode, byte[] specimen, String qrContent, Integer page, Float x, Float y, Origin origin,
                         float width, float height, String marker, String footer, String reason, String location) {

    public static final int MAX_IMAGE_BYTES = 1024 * 1024;
    public static final float DEFAULT_WIDTH = 220;
    public static final float DEFAULT_HEIGHT = 80;

    /** INVISIBLE, a QR code, or a specimen image. */
    public enum Mode { INVISIBLE, QR, IMAGE }

    /** Where y counts from: the page's top (DSS, BSrE v2 originY) or its bottom (PDF user space, BSrE v1 yAxis). */
    public enum Origin { TOP_LEFT, BOTTOM_LEFT }

    /** The last page, for page = "last" / halaman = last. */
    public static final int LAST_PAGE = -1;

    public static Appearance invisible(String footer, String reason, String location) {
        return new Appearance(Mode.INVISIBLE, null, null, null, null, null, Origin.TOP_LEFT, 0, 0, null,
                text(footer, 300, "footer"), text(reason, 200, "reason"), text(location, 200, "location"));
    }

    /**
     * A visible block. Either marker or (x, y) must be given; page defaults to 1 with coordinates, and to the marker's
     * page with a marker. Width/height default to 220 x 80 points and must lie between 40 and 600.
     */
    public static Appearance visible(Mode mode, byte[] specimen, String qrContent, Integer page, Float x, Float y, Origin origin,
                                     Float width, Float height, String marker, String footer, String reason, String location) {
        if (mode == Mode.INVISIBLE) {
            throw new IllegalArgumentException("use invisible()");
        }
        if (mode == Mode.IMAGE) {
            checkImage(specimen);
        }
        if (qrContent != null && (qrContent.isBlank() || qrContent.length() > 500)) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, "Isi QR (linkQR) 1 sampai 500 karakter.");
        }
        String m = marker == null || marker.isEmpty() ? null : marker;
        if (m != null && (m.isBlank() || m.length() > 50)) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, "tag_koordinat 1 sampai 50 karakter dan bukan spasi.");
        }
        if (m == null && (x == null || y == null)) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID,
                    "Tanda tangan terlihat memerlukan koordinat (x dan y) atau tag_koordinat.");
        }
        if (page != null && page != LAST_PAGE && page < 1) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, "Halaman dimulai dari 1 (atau 'last').");
        }
        if ((x != null && (x < 0 || !Float.isFinite(x))) || (y != null && (y < 0 || !Float.isFinite(y)))) {
            throw new DomainException(ErrorCode.COORDINATES_OFF_PAGE, "Koordinat tidak boleh negatif.");
        }
        float w = width == null ? DEFAULT_WIDTH : width;
        float h = height == null ? DEFAULT_HEIGHT : height;
        if (!(w >= 40 && w <= 600 && h >= 40 && h <= 600)) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, "Lebar dan tinggi tanda tangan antara 40 dan 600 poin.");
        }
        return new Appearance(mode, specimen, qrContent, page, x, y, origin == null ? Origin.TOP_LEFT : origin, w, h, m,
                text(footer, 300, "footer"), text(reason, 200, "reason"), text(location, 200, "location"));
    }

    public boolean isVisible() {
        return mode != Mode.INVISIBLE;
    }

    /** "visible"/"invisible" (BSrE's tampilan), any case; null means invisible. */
    public static boolean visibleFlag(String tampilan) {
        if (tampilan == null || tampilan.isBlank()) {
            return false;
        }
        return switch (tampilan.trim().toLowerCase(Locale.ROOT)) {
            case "visible" -> true;
            case "invisible" -> false;
            default -> throw new DomainException(ErrorCode.APPEARANCE_INVALID, "tampilan harus visible atau invisible.");
        };
    }

    /** "1", "2", ..., "first", "last"; null stays null. */
    public static Integer parsePage(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (v.equals("first") || v.equals("pertama")) {
            return 1;
        }
        if (v.equals("last") || v.equals("terakhir")) {
            return LAST_PAGE;
        }
        try {
            int page = Integer.parseInt(v);
            if (page < 1) {
                throw new NumberFormatException();
            }
            return page;
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, "Halaman harus angka mulai 1, 'first' atau 'last'.");
        }
    }

    /** A coordinate or size in points; null stays null. */
    public static Float parseNumber(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            float value = Float.parseFloat(raw.trim());
            if (!Float.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, name + " harus berupa angka (poin).");
        }
    }

    private static void checkImage(byte[] image) {
        if (image == null || image.length == 0) {
            throw new DomainException(ErrorCode.IMAGE_INVALID, "Gambar spesimen (imageTTD) wajib diunggah bila image=true.");
        }
        if (image.length > MAX_IMAGE_BYTES) {
            throw new DomainException(ErrorCode.IMAGE_INVALID, "Gambar spesimen maksimal 1 MB.");
        }
        boolean png = image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
        boolean jpeg = image.length > 3 && (image[0] & 0xff) == 0xFF && (image[1] & 0xff) == 0xD8 && (image[2] & 0xff) == 0xFF;
        if (!png && !jpeg) {
            throw new DomainException(ErrorCode.IMAGE_INVALID, "Gambar spesimen harus JPEG atau PNG.");
        }
    }

    private static String text(String value, int max, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new DomainException(ErrorCode.APPEARANCE_INVALID, name + " maksimal " + max + " karakter.");
        }
        return value.trim();
    }
}
