package id.teken.registration.adapter.in.rest;

import id.teken.kit.problem.CscProblemStyle;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The framework's failures on the CSC API's routes here (/csc/v2/auth: a missing, forged, expired or revoked token, a
 * malformed body) in CSC's shape {"error", "error_description"}, as signing-service answers on the rest of /csc/v2.
 */
@ApplicationScoped
public class CscStyle extends CscProblemStyle {
}
