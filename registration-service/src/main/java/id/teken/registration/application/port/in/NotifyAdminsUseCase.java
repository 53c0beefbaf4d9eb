package id.teken.registration.application.port.in;

import java.time.Instant;

/** Tells the ADMINs (by mail, at their Email SIASN) what needs them: a system client turned off by its failure budget. */
public interface NotifyAdminsUseCase {

    /** Mails every ADMIN once; returns how many were mailed. */
    int clientDisabled(String clientUsername, String reason, long failures, Instant at);
}
