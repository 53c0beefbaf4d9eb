package id.teken.signing.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * What a visible signature's QR code may open: a page of the tenant's own origin, or of an origin an ADMIN allowed for
 * the client that signs. A QR code on an official letter is a promise that the letter can be checked there.
 */
public final class QrLink {

    private QrLink() {
    }

    /** Throws APPEARANCE_INVALID unless the link is http(s) on one of the allowed origins. */
    public static void check(String link, String tenantUrl, List<String> extraOrigins) {
        String origin = origin(link);
        if (origin != null && (origin.equals(origin(tenantUrl)) || extraOrigins.contains(origin))) {
            return;
        }
        throw new DomainException(ErrorCode.APPEARANCE_INVALID, "linkQR harus alamat " + origin(tenantUrl)
                + " (atau origin lain yang diizinkan ADMIN untuk aplikasi ini).");
    }

    /** scheme://host[:port] in lower case, or null when the text is not an absolute http(s) URL without user info. */
    static String origin(String url) {
        if (url == null || url.length() > 500) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
