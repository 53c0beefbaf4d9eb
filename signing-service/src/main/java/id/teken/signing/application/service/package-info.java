/** Use-case implementations; transactions start here. */
package id.teken.signing.application.service;
