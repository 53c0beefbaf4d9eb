/** Panache entities and persistence adapters of certificate-service. */
package id.teken.certificate.adapter.out.persistence;
