/** Panache entities and persistence adapters of activation-service. */
package id.teken.activation.adapter.out.persistence;
