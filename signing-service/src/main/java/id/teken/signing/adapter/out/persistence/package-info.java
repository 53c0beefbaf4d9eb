/** Panache entities and persistence adapters of signing-service. */
package id.teken.signing.adapter.out.persistence;
