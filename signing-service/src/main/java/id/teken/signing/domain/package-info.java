/** Aggregates, value objects and domain errors of signing-service; java.* only. */
package id.teken.signing.domain;
