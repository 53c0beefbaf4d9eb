/** Use-case implementations; transactions start here. */
package id.teken.certificate.application.service;
