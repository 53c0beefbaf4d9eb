package id.teken.events;

/**
 * One Kafka topic: its name (one per event type and major version), the event type and version it
 * carries, and the payload record. The dead-letter topic for poison messages is the name plus ".dlq".
 */
public record Topic<P>(String name, String eventType, int eventVersion, Class<P> payloadType) {

    public String deadLetterName() {
        return name + ".dlq";
    }
}
