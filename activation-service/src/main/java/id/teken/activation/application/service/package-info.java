/** Use-case implementations; transactions start here. */
package id.teken.activation.application.service;
