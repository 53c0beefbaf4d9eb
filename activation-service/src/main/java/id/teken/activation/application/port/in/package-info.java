/** Use cases that activation-service offers (to be filled by its issue). */
package id.teken.activation.application.port.in;
