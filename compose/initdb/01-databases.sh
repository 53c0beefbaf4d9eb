#!/bin/bash
# One database per service, each owned by the service's own login role (no superuser, cannot create databases or
# roles); nobody else may connect to it. The services run their Flyway migrations as that owner at start. The
# passwords come from the postgres container's environment (TEKEN_<SERVICE>_DB_PASSWORD; teken-compose.sh makes them).
# Runs once, when the data volume is first initialised.
set -euo pipefail
for service in registration activation certificate signing; do
  variable="TEKEN_${service^^}_DB_PASSWORD"
  password="${!variable:-}"
  if [[ -z "$password" ]]; then
    echo "set $variable (the password of the $service database role)" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 -v role="$service" -v password="$password" --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
