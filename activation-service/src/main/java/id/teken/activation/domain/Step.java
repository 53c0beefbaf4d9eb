package id.teken.activation.domain;

/** The portal's steps, in the order they must be done. */
public enum Step { IDENTITY, EMPLOYMENT, SELFIE, SUBMIT }
