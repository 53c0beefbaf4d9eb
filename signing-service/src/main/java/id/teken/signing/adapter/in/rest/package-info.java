/** REST resources and exception mappers of signing-service. */
package id.teken.signing.adapter.in.rest;
