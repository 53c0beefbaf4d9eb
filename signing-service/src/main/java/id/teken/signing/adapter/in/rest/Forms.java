package id.teken.signing.adapter.in.rest;

import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;

/** Reading multipart fields into domain values: uploaded bytes (size checked before reading) and the appearance. */
final class Forms {

    private Forms() {
    }

    /** An uploaded file: RESTEasy's (written to disk) or a part of our own MultipartForm (in memory). */
    interface Upload {
        String fileName();

        long size();

        byte[] bytes();
    }

    /** RESTEasy's upload as an Upload (null stays null). */
    static Upload of(FileUpload file) {
        if (file == null) {
            return null;
        }
        return new Upload() {
            @Override
            public String fileName() {
                return file.fileName();
            }

            @Override
            public long size() {
                return file.size();
            }

            @Override
            public byte[] bytes() {
                try {
                    return Files.readAllBytes(file.uploadedFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The upload's bytes; larger than max -> the given code without reading it. Null when absent. */
    static byte[] read(FileUpload file, long max, ErrorCode tooLarge, String message) {
        return read(of(file), max, tooLarge, message);
    }

    /** The upload's bytes; larger than max -> the given code without reading it. Null when absent. */
    static byte[] read(Upload file, long max, ErrorCode tooLarge, String message) {
        if (file == null) {
            return null;
        }
        if (file.size() > max) {
            throw new DomainException(tooLarge, message);
        }
        return file.bytes();
    }

    /** tampilan/image/page/coordinates/marker... as a domain Appearance (invisible unless tampilan=visible). */
    static Appearance appearance(String tampilan, String image, Upload specimen, String page, String x, String y,
                                 Appearance.Origin origin, String width, String height, String marker, String footer,
                                 String reason, String location, String linkQr) {
        if (!Appearance.visibleFlag(tampilan)) {
            return Appearance.invisible(footer, reason, location);
        }
        boolean useImage = flag(image);
        byte[] picture = useImage ? read(specimen, Appearance.MAX_IMAGE_BYTES, ErrorCode.IMAGE_INVALID, "Gambar spesimen maksimal 1 MB.") : null;
        return Appearance.visible(useImage ? Appearance.Mode.IMAGE : Appearance.Mode.QR, picture, blankToNull(linkQr),
                Appearance.parsePage(page), Appearance.parseNumber(x, "xAxis/originX"), Appearance.parseNumber(y, "yAxis/originY"),
                origin, Appearance.parseNumber(width, "width"), Appearance.parseNumber(height, "height"), marker, footer, reason, location);
    }

    static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "ya" -> true;
            case "false", "0", "tidak" -> false;
            default -> throw new DomainException(ErrorCode.APPEARANCE_INVALID, "image harus true atau false.");
        };
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("(?i)\\.pdf$", "");
    }
}
