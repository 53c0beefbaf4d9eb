/** Aggregates, value objects and domain errors of certificate-service; java.* only. */
package id.teken.certificate.domain;
