/** Kafka event handlers of certificate-service (id.teken.events.consumer.EventHandler beans). */
package id.teken.certificate.adapter.in.messaging;
