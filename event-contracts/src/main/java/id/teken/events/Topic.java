package id.teken.events;

/**
 * One Kafka topic: its name (one per event type and major version), the event type and version it
 * carries, and the payload record. The dead-letter topic for poison messages is the name plus ".dlq".
 */
public record Topic<P>(String name, String eventType, int eventVersion, Class<P> payloadType) {

    /** Version 1 of an event type, on the topic named after it: {@code teken.<eventType>.v1}. */
    public static <P> Topic<P> v1(String eventType, Class<P> payloadType) {
        return new Topic<>("teken." + eventType + ".v1", eventType, 1, payloadType);
    }

    public String deadLetterName() {
        return name + ".dlq";
    }
}
