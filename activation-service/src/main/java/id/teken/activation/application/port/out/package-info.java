/** What activation-service needs from the outside, as role nouns. */
package id.teken.activation.application.port.out;
