/** What signing-service needs from the outside, as role nouns. */
package id.teken.signing.application.port.out;
