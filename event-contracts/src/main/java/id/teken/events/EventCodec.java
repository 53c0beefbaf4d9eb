package id.teken.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes envelopes as JSON. Unknown fields are ignored so that a consumer keeps working when
 * a producer adds an optional field within the same major version.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    public static String toJson(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a record body as an envelope of the topic's payload; throws {@link MalformedEventException}. */
    public static <P> EventEnvelope<P> fromJson(Topic<P> topic, byte[] body) {
        JavaType type = MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, topic.payloadType());
        try {
            EventEnvelope<P> envelope = MAPPER.readValue(body, type);
            if (!topic.eventType().equals(envelope.eventType())) {
                throw new MalformedEventException("event type " + envelope.eventType() + " on topic " + topic.name());
            }
            return envelope;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("unreadable " + topic.name() + " record: " + e.getClass().getSimpleName());
        }
    }

    public static <P> EventEnvelope<P> fromJson(Topic<P> topic, String body) {
        return fromJson(topic, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** A record that cannot be read as its topic's envelope: a poison message for the dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
