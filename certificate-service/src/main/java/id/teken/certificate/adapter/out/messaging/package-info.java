/** Outbox writers of certificate-service. */
package id.teken.certificate.adapter.out.messaging;
