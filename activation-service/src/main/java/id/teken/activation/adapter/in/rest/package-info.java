/** REST resources and exception mappers of activation-service. */
package id.teken.activation.adapter.in.rest;
