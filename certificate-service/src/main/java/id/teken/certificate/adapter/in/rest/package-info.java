/** REST resources and exception mappers of certificate-service. */
package id.teken.certificate.adapter.in.rest;
