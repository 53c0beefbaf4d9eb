/** What certificate-service needs from the outside, as role nouns. */
package id.teken.certificate.application.port.out;
