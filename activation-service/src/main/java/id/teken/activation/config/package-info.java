/** Configuration mappings and CDI producers of activation-service. */
package id.teken.activation.config;
