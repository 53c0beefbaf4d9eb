package id.teken.events;

import id.teken.events.registration.RegistrationSubmitted;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final RegistrationSubmitted payload = new RegistrationSubmitted("r-1", "198503152010011001",
            "3502015503850001", "Siti", "siti@example.org", "siti@ponorogo.go.id", "PNS", "Pemkab", "Dinas",
            "Analis", "Jawa Timur", Instant.parse("2026-11-01T00:00:00Z"), null);

    @Test
    void envelope_roundTripsWithTypedPayload() {
        EventEnvelope<RegistrationSubmitted> envelope = EventEnvelope.of(Topics.REGISTRATION_SUBMITTED, "r-1", "c-1", payload);
        String json = EventCodec.toJson(envelope);
        assertThat(json).contains("\"eventType\":\"registration.submitted\"", "\"aggregateId\":\"r-1\"",
                "\"occurredAt\":\"20");
        EventEnvelope<RegistrationSubmitted> back = EventCodec.fromJson(Topics.REGISTRATION_SUBMITTED, json);
        assertThat(back).isEqualTo(envelope);
    }

    @Test
    void unknownFields_areIgnoredForForwardCompatibility() {
        String json = EventCodec.toJson(EventEnvelope.of(Topics.REGISTRATION_SUBMITTED, "r-1", "c-1", payload))
                .replace("\"nip\":", "\"addedLater\":1,\"nip\":");
        assertThat(EventCodec.fromJson(Topics.REGISTRATION_SUBMITTED, json).payload().nip()).isEqualTo("198503152010011001");
    }

    @Test
    void garbage_isMalformed() {
        assertThatThrownBy(() -> EventCodec.fromJson(Topics.REGISTRATION_SUBMITTED, "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.fromJson(Topics.REGISTRATION_SUBMITTED, "{\"eventId\":\"x\"}"))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    @Test
    void envelopeOfAnotherType_isMalformedOnThisTopic() {
        String json = EventCodec.toJson(EventEnvelope.of(Topics.REGISTRATION_SUBMITTED, "r-1", "c-1", payload));
        assertThatThrownBy(() -> EventCodec.fromJson(Topics.ACTIVATION_EXPIRED, json))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    @Test
    void everyTopicFollowsTheNamingRule() {
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(t.name())
                .isEqualTo("teken." + t.eventType() + ".v" + t.eventVersion()));
        assertThat(Topics.byName("teken.registration.submitted.v1")).contains(Topics.REGISTRATION_SUBMITTED);
    }
}
