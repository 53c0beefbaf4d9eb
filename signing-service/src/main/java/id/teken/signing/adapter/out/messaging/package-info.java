/** Outbox writers of signing-service. */
package id.teken.signing.adapter.out.messaging;
