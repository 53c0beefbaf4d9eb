package id.teken.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads mail as a person would, through GreenMail's REST API: the messages of one address, decoded
 * (quoted-printable and base64 parts) to text, and the links in them.
 */
public final class MailInbox {

    private final String apiUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public MailInbox(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** A received message: subject and the decoded text of all its parts. */
    public record Message(String subject, String text, String raw) {

        /** The first link whose URL contains the fragment. */
        public Optional<String> link(String fragment) {
            Matcher m = Pattern.compile("https?://[^\\s\"<>]+").matcher(text);
            while (m.find()) {
                if (m.group().contains(fragment)) {
                    return Optional.of(m.group());
                }
            }
            return Optional.empty();
        }
    }

    public List<Message> messages(String address) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(apiUrl + "/api/user/" + address + "/messages/INBOX")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<Message> out = new ArrayList<>();
            if (response.statusCode() != 200) {
                return out;
            }
            for (JsonNode node : json.readTree(response.body())) {
                String raw = node.path("mimeMessage").asText();
                out.add(new Message(decodeHeader(node.path("subject").asText()), decode(raw), raw));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the address has at least {@code count} messages; returns them all. */
    public List<Message> await(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Message> found = messages(address);
        while (found.size() < count && System.nanoTime() < deadline) {
            sleep();
            found = messages(address);
        }
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " mail(s) for " + address + " within " + timeout + ", got " + found.size());
        }
        return found;
    }

    public void purge() {
        try {
            http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/mail/purge"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Decodes each MIME part by its Content-Transfer-Encoding and joins the texts. */
    static String decode(String raw) {
        String[] lines = raw.split("\r?\n", -1);
        StringBuilder out = new StringBuilder();
        StringBuilder body = new StringBuilder();
        String encoding = "7bit";
        boolean inHeaders = true;
        for (String line : lines) {
            if (line.startsWith("--")) {
                out.append(decodeBody(body.toString(), encoding)).append('\n');
                body.setLength(0);
                encoding = "7bit";
                inHeaders = true;
                continue;
            }
            if (inHeaders) {
                if (line.isEmpty()) {
                    inHeaders = false;
                } else if (line.toLowerCase().startsWith("content-transfer-encoding:")) {
                    encoding = line.substring(line.indexOf(':') + 1).trim().toLowerCase();
                }
                continue;
            }
            body.append(line).append('\n');
        }
        out.append(decodeBody(body.toString(), encoding));
        return out.toString();
    }

    private static String decodeBody(String body, String encoding) {
        return switch (encoding) {
            case "quoted-printable" -> quotedPrintable(body);
            case "base64" -> {
                try {
                    yield new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    yield body;
                }
            }
            default -> body;
        };
    }

    static String quotedPrintable(String s) {
        String joined = s.replaceAll("=\r?\n", "");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && isHex(joined, i + 1) && isHex(joined, i + 2)) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static String decodeHeader(String subject) {
        Matcher m = Pattern.compile("=\\?([^?]+)\\?([QqBb])\\?([^?]*)\\?=").matcher(subject);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = m.group(2).equalsIgnoreCase("B")
                    ? new String(Base64.getDecoder().decode(m.group(3)), StandardCharsets.UTF_8)
                    : quotedPrintable(m.group(3).replace('_', ' '));
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
