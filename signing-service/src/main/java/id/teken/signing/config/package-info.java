/** Configuration mappings and CDI producers of signing-service. */
package id.teken.signing.config;
