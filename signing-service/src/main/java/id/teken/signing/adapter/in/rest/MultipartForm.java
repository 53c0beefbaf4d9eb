package id.teken.signing.adapter.in.rest;

import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A multipart/form-data body (RFC 7578) read in one pass, for the signing and verification routes that carry megabytes
 * of PDF. RESTEasy Reactive's parser examines the body byte by byte and wraps a buffer at every partial boundary match;
 * on a 10 x 1 MB batch it was 55 % of signing-service's CPU (bench/README.md). Here the delimiter is found with a
 * Boyer-Moore-Horspool search and each part is one array copy.
 *
 * <p>Bounded on purpose: the body is read up to {@code maxBody} bytes (the HTTP layer's limit is above it), at most
 * {@link #MAX_PARTS} parts, part headers at most {@link #MAX_HEADER_BYTES}. Anything malformed (no or bad boundary, a
 * part without a form-data name, no closing delimiter) is MALFORMED_REQUEST; a body over the limit is the caller's
 * {@code tooLarge} code. Nothing is written to disk.
 */
final class MultipartForm implements AutoCloseable {

    /**
     * The bytes that bodies read here may hold at once across requests (a third of the heap, in KiB permits): each read
     * reserves its Content-Length (or its limit when none is sent) until the request ends ({@link #close()}), so parallel
     * large uploads wait their turn instead of exhausting the heap (the JVM exits on an OutOfMemoryError).
     */
    private static final Semaphore BUDGET = new Semaphore((int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 3 / 1024), true);
    private static final Duration BUDGET_WAIT = Duration.ofSeconds(20);

    static final int MAX_PARTS = 64;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /** One part: its form name, the file name when it has one, its content type (may be null) and its bytes. */
    record Part(String name, String fileName, String contentType, byte[] data) implements Forms.Upload {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public byte[] bytes() {
            return data;
        }

        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final List<Part> parts;
    private Semaphore budget;
    private int reserved;

    private MultipartForm(List<Part> parts) {
        this.parts = parts;
    }

    /** Gives the body's reservation back (the parts may be collected after the request). */
    @Override
    public void close() {
        if (budget != null && reserved > 0) {
            budget.release(reserved);
            reserved = 0;
        }
    }

    /** The first part of that name, or null. */
    Part part(String name) {
        for (Part p : parts) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Every part of that name, in order. */
    List<Part> parts(String name) {
        List<Part> named = new ArrayList<>();
        for (Part p : parts) {
            if (p.name().equals(name)) {
                named.add(p);
            }
        }
        return named;
    }

    /** The text of the first part of that name, or null. */
    String field(String name) {
        Part p = part(name);
        return p == null ? null : p.text();
    }

    /**
     * Reads and parses the body; {@code tooLarge} with {@code message} when it exceeds maxBody bytes; {@code busy} when the
     * in-memory budget stays taken by other uploads for 20 s. Close the form when the request is done.
     */
    static MultipartForm read(InputStream body, String contentType, String contentLength, long maxBody, ErrorCode tooLarge,
                              String message, ErrorCode busy) {
        return read(body, contentType, contentLength, maxBody, tooLarge, message, busy, BUDGET, BUDGET_WAIT);
    }

    static MultipartForm read(InputStream body, String contentType, String contentLength, long maxBody, ErrorCode tooLarge,
                              String message, ErrorCode busy, Semaphore budget, Duration wait) {
        byte[] boundary = boundary(contentType);
        long declared = declaredLength(contentLength);
        if (declared > maxBody) {
            throw new DomainException(tooLarge, message);
        }
        long reserve = declared >= 0 ? declared : maxBody;
        int permits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (reserve + 1023) / 1024));
        try {
            if (!budget.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DomainException(busy, "Terlalu banyak unggahan besar sedang diproses. Coba lagi sebentar lagi.",
                        Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(busy, "Permintaan dibatalkan.", Duration.ofSeconds(5));
        }
        try {
            MultipartForm form = parse(readAll(body, declared, maxBody, tooLarge, message), boundary);
            form.budget = budget;
            form.reserved = permits;
            return form;
        } catch (RuntimeException e) {
            budget.release(permits);
            throw e;
        }
    }

    private static long declaredLength(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return -1;
        }
        try {
            long n = Long.parseLong(contentLength.trim());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static MultipartForm parse(byte[] body, byte[] boundary) {
        // The delimiter is CRLF "--" boundary; the first may open the body without the CRLF.
        byte[] delimiter = new byte[boundary.length + 4];
        delimiter[0] = '\r';
        delimiter[1] = '\n';
        delimiter[2] = '-';
        delimiter[3] = '-';
        System.arraycopy(boundary, 0, delimiter, 4, boundary.length);
        int[] skip = skipTable(delimiter);
        int at;
        if (startsWith(body, 0, delimiter, 2)) {
            at = delimiter.length - 2;
        } else {
            int first = indexOf(body, delimiter, skip, 0);
            if (first < 0) {
                throw malformed("Batas multipart tidak ditemukan.");
            }
            at = first + delimiter.length;
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            // After a delimiter: "--" closes the body; otherwise optional transport padding, then CRLF and a part.
            if (at + 1 < body.length && body[at] == '-' && body[at + 1] == '-') {
                return new MultipartForm(parts);
            }
            while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
                at++;
            }
            if (at + 1 >= body.length || body[at] != '\r' || body[at + 1] != '\n') {
                throw malformed("Bagian multipart tidak lengkap.");
            }
            at += 2;
            if (parts.size() == MAX_PARTS) {
                throw malformed("Terlalu banyak bagian multipart (maksimal " + MAX_PARTS + ").");
            }
            int headersEnd = headersEnd(body, at);
            String[] disposition = headers(new String(body, at, headersEnd - at, StandardCharsets.UTF_8));
            int dataStart = headersEnd + 4;
            int next = indexOf(body, delimiter, skip, dataStart);
            if (next < 0) {
                throw malformed("Batas penutup multipart tidak ditemukan.");
            }
            parts.add(new Part(disposition[0], disposition[1], disposition[2], Arrays.copyOfRange(body, dataStart, next)));
            at = next + delimiter.length;
        }
    }

    /** The boundary parameter of a multipart/form-data content type (RFC 2046: 1-70 characters). */
    static byte[] boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim().startsWith("multipart/form-data")) {
            throw malformed("Content-Type harus multipart/form-data.");
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring("boundary=".length()).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value.isEmpty() || value.length() > 70 || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    throw malformed("Batas multipart tidak valid.");
                }
                return value.getBytes(StandardCharsets.US_ASCII);
            }
        }
        throw malformed("Content-Type multipart tanpa boundary.");
    }

    /**
     * The whole body, at most max bytes. A declared length sizes the buffer at once (no copies while it grows, none at the
     * end when the body is as long as declared; a body past it is malformed); without one the buffer doubles from 64 KB.
     */
    private static byte[] readAll(InputStream in, long declared, long max, ErrorCode tooLarge, String message) {
        try (InputStream body = in) {
            byte[] buffer = new byte[declared > 0 ? (int) declared : 64 * 1024];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length == declared) {
                        if (body.read() < 0) {
                            return buffer;   // exactly the declared length: the buffer is the body
                        }
                        // The HTTP layer frames bodies by their Content-Length; one that runs past it is not a form.
                        throw malformed("Badan permintaan lebih panjang dari Content-Length.");
                    }
                    if (buffer.length >= max + 1) {
                        throw new DomainException(tooLarge, message);
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(max + 1, (long) buffer.length * 2));
                }
                int n = body.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                if (length > max) {
                    throw new DomainException(tooLarge, message);
                }
            }
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }

    private static int headersEnd(byte[] body, int from) {
        int limit = (int) Math.min(body.length - 3L, (long) from + MAX_HEADER_BYTES);
        for (int i = from; i < limit; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n' && body[i + 2] == '\r' && body[i + 3] == '\n') {
                return i;
            }
        }
        throw malformed("Header bagian multipart tidak lengkap atau terlalu panjang.");
    }

    /** name, filename (or null), content type (or null) from a part's header lines. */
    private static String[] headers(String block) {
        String name = null;
        String fileName = null;
        String type = null;
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
                    throw malformed("Bagian multipart bukan form-data.");
                }
                name = parameter(value, "name");
                fileName = parameter(value, "filename");
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (name == null || name.isEmpty()) {
            throw malformed("Bagian multipart tanpa nama.");
        }
        return new String[] {name, fileName, type};
    }

    /** A Content-Disposition parameter's value (quoted with backslash escapes, or a bare token), or null. */
    static String parameter(String disposition, String wanted) {
        int i = disposition.indexOf(';');
        while (i >= 0 && i < disposition.length()) {
            int start = i + 1;
            while (start < disposition.length() && disposition.charAt(start) == ' ') {
                start++;
            }
            int eq = disposition.indexOf('=', start);
            if (eq < 0) {
                return null;
            }
            String key = disposition.substring(start, eq).trim().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            StringBuilder value = new StringBuilder();
            if (v < disposition.length() && disposition.charAt(v) == '"') {
                v++;
                while (v < disposition.length() && disposition.charAt(v) != '"') {
                    char c = disposition.charAt(v);
                    if (c == '\\' && v + 1 < disposition.length()) {
                        c = disposition.charAt(++v);
                    }
                    value.append(c);
                    v++;
                }
                v++;
            } else {
                while (v < disposition.length() && disposition.charAt(v) != ';') {
                    value.append(disposition.charAt(v++));
                }
            }
            if (key.equals(wanted)) {
                return value.toString().trim();
            }
            i = disposition.indexOf(';', v);
        }
        return null;
    }

    private static int[] skipTable(byte[] pattern) {
        int[] skip = new int[256];
        Arrays.fill(skip, pattern.length);
        for (int k = 0; k < pattern.length - 1; k++) {
            skip[pattern[k] & 0xFF] = pattern.length - 1 - k;
        }
        return skip;
    }

    /** Boyer-Moore-Horspool: the first index of pattern in data at or after from, or -1. */
    static int indexOf(byte[] data, byte[] pattern, int[] skip, int from) {
        int last = pattern.length - 1;
        int i = from;
        while (i + last < data.length) {
            byte tail = data[i + last];
            if (tail == pattern[last] && startsWith(data, i, pattern, 0)) {
                return i;
            }
            i += skip[tail & 0xFF];
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, int at, byte[] pattern, int patternFrom) {
        int n = pattern.length - patternFrom;
        if (at + n > data.length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (data[at + k] != pattern[patternFrom + k]) {
                return false;
            }
        }
        return true;
    }

    private static DomainException malformed(String message) {
        return new DomainException(ErrorCode.MALFORMED_REQUEST, message);
    }
}
