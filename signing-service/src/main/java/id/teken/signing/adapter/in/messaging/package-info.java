/** Kafka event handlers of signing-service (id.teken.events.consumer.EventHandler beans). */
package id.teken.signing.adapter.in.messaging;
