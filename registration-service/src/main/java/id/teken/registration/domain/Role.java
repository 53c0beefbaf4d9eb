package id.teken.registration.domain;

/** The roles carried in a token's groups. */
public enum Role { ASN, VERIFIKATOR, ADMIN, SYSTEM }
