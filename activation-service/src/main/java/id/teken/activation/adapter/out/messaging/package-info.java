/** Outbox writers of activation-service. */
package id.teken.activation.adapter.out.messaging;
