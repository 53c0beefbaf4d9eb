/** Aggregates, value objects and domain errors of activation-service; java.* only. */
package id.teken.activation.domain;
