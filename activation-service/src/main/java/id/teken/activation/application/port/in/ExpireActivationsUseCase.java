package id.teken.activation.application.port.in;

/** Housekeeping: close links that ran out, and delete selfies whose retention has passed. */
public interface ExpireActivationsUseCase {

    int expireDueLinks();

    int purgeSelfies();
}
