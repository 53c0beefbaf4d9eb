/** Configuration mappings and CDI producers of certificate-service. */
package id.teken.certificate.config;
