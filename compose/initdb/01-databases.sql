-- One database per service (each service runs its own Flyway migrations at start).
CREATE DATABASE registration OWNER teken;
CREATE DATABASE activation OWNER teken;
CREATE DATABASE certificate OWNER teken;
CREATE DATABASE signing OWNER teken;
