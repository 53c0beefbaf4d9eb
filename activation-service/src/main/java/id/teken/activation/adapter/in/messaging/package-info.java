/** Kafka event handlers of activation-service (id.teken.events.consumer.EventHandler beans). */
package id.teken.activation.adapter.in.messaging;
