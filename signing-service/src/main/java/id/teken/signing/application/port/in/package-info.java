/** Use cases that signing-service offers (to be filled by its issue). */
package id.teken.signing.application.port.in;
