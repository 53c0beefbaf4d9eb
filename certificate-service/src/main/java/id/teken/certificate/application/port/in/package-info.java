/** Use cases that certificate-service offers (to be filled by its issue). */
package id.teken.certificate.application.port.in;
