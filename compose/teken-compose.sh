#!/usr/bin/env bash
# Teken in containers, for real: builds the jars if needed, makes the secrets once (compose/.secrets/, never committed),
# starts docker-compose.yml, waits until the gateway is ready, runs ./teken demo against the published gateway port,
# and tears everything down (volumes included) unless --keep is given.
#
#   compose/teken-compose.sh [up|demo|demo-up|down] [--keep]
#     up       the production stack (docker-compose.yml alone): needs TEKEN_SMTP_HOST, TEKEN_DIRECTORY_FILE,
#              TEKEN_VERIFIERS and TEKEN_ADMINS, and the gateway's TLS certificate (TEKEN_TLS_CERT_FILE, TEKEN_TLS_KEY_FILE;
#              without them a local CA in compose/.secrets/tls signs one for localhost, for trying it out only)
#     demo     (default) the demo stack (plus compose/docker-compose.demo.yml: a test mail server, the demo employees
#              and operators): start, run the demo, tear down
#     demo-up  the demo stack, started and left running
#     down     stop and remove containers and volumes
#
# Uses `docker compose` when a Docker engine is there, otherwise ../shared/tools/containers/compose.sh (podman with
# local stand-ins for the base images, no registry needed; TEKEN_CONTAINER_TOOLS points elsewhere).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MODE="${1:-demo}"; KEEP=0; [[ "${2:-}" == --keep || "${1:-}" == --keep ]] && KEEP=1; [[ "$MODE" == --keep ]] && MODE=demo
SECRETS="$ROOT/compose/.secrets"
export TEKEN_HTTPS_PORT="${TEKEN_HTTPS_PORT:-28443}" TEKEN_MAIL_API_PORT="${TEKEN_MAIL_API_PORT:-28025}"
export TEKEN_PUBLIC_URL="${TEKEN_PUBLIC_URL:-https://localhost:$TEKEN_HTTPS_PORT}"
FILES=(-f "$ROOT/docker-compose.yml")
DEMO=0
if [[ "$MODE" == demo || "$MODE" == demo-up || "$MODE" == down ]]; then
  # Only the demo gets a test mail server, the demo employee export and demo operators (down removes either stack).
  DEMO=1
  FILES+=(-f "$ROOT/compose/docker-compose.demo.yml")
  export TEKEN_SMTP_HOST=mail TEKEN_SMTP_PORT=3025 TEKEN_SMTP_START_TLS=DISABLED TEKEN_DIRECTORY_FILE="${TEKEN_DIRECTORY_FILE:-./demo/pegawai-demo.csv}"
  export TEKEN_CIVIL_REGISTRY_FILE="${TEKEN_CIVIL_REGISTRY_FILE:-./demo/dukcapil-demo.csv}"
  export TEKEN_VERIFIERS="${TEKEN_VERIFIERS:-197812012005041003}" TEKEN_ADMINS="${TEKEN_ADMINS:-198802292012052004}"
  # The demo keeps the CA keys in a PKCS#11 token (SoftHSM2 in certificate-service's image), the root offline.
  export TEKEN_CA_STORE="${TEKEN_CA_STORE:-pkcs11}"
fi
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-teken}"
say() { printf '[compose] %s\n' "$*"; }

compose() {
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    docker compose "${FILES[@]}" "$@"
  else
    local tools="${TEKEN_CONTAINER_TOOLS:-}"
    for candidate in "$tools" "$ROOT/../shared/tools/containers" /work/shared/tools/containers; do
      [[ -n "$candidate" && -x "$candidate/compose.sh" ]] && { tools="$candidate"; break; }
    done
    [[ -x "$tools/compose.sh" ]] || { echo "no Docker engine and no ../shared/tools/containers/compose.sh" >&2; exit 1; }
    # Containers find each other by name (postgres, kafka, ...): podman's CNI networks need the dnsname plugin.
    if [[ ! -e /usr/lib/cni/dnsname ]] && command -v apt-get >/dev/null; then
      say "installing podman's dnsname plugin (container name resolution)"
      apt-get install -y -qq golang-github-containernetworking-plugin-dnsname >/dev/null || { apt-get update -qq && apt-get install -y -qq golang-github-containernetworking-plugin-dnsname >/dev/null; }
    fi
    if [[ ! -f /run/compose-sh/.images-ready ]]; then
      say "making the local base images (once)"; "$tools/make-base-images.sh" >/dev/null && mkdir -p /run/compose-sh && touch /run/compose-sh/.images-ready
    fi
    "$tools/compose.sh" "${FILES[@]}" "$@"
  fi
}

secrets() {
  mkdir -p "$SECRETS"; chmod 700 "$SECRETS"
  if [[ ! -s "$SECRETS/jwt-private.pem" ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$SECRETS/jwt-private.pem" 2>/dev/null
    openssl pkey -in "$SECRETS/jwt-private.pem" -pubout -out "$SECRETS/jwt-public.pem"
  fi
  # Readable by the services' user inside the containers (uid 1001), nobody else on this machine.
  chmod 644 "$SECRETS/jwt-public.pem"; chmod 640 "$SECRETS/jwt-private.pem"; chgrp 1001 "$SECRETS/jwt-private.pem" 2>/dev/null || chmod 644 "$SECRETS/jwt-private.pem"
  if [[ ! -s "$SECRETS/teken.env" ]]; then
    rnd() { head -c "$1" /dev/urandom | base64 | tr -d '/+=\n' | head -c "$2"; }
    (umask 077; {
      echo "TEKEN_DB_PASSWORD=$(rnd 24 32)"
      echo "TEKEN_CA_KEYSTORE_PASSWORD=$(rnd 32 43)"
      echo "TEKEN_MASTER_KEY=$(head -c 32 /dev/urandom | base64)"
      echo "TEKEN_SELFIE_KEY=$(head -c 32 /dev/urandom | base64)"
    } > "$SECRETS/teken.env")
  fi
  # Secrets added by later versions go into an existing file too.
  grep -q '^TEKEN_MAIL_KEY=' "$SECRETS/teken.env" || (umask 077; echo "TEKEN_MAIL_KEY=$(head -c 32 /dev/urandom | base64)" >> "$SECRETS/teken.env")
  for service in REGISTRATION ACTIVATION CERTIFICATE SIGNING; do
    grep -q "^TEKEN_${service}_DB_PASSWORD=" "$SECRETS/teken.env" \
      || (umask 077; echo "TEKEN_${service}_DB_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')" >> "$SECRETS/teken.env")
  done
  # One token per internal call (its caller and its callee hold it, nobody else).
  for pair in SIGNING_TO_CERTIFICATE SIGNING_TO_REGISTRATION GATEWAY_TO_SIGNING; do
    grep -q "^TEKEN_${pair}_TOKEN=" "$SECRETS/teken.env" \
      || (umask 077; echo "TEKEN_${pair}_TOKEN=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')" >> "$SECRETS/teken.env")
  done
  # Kafka's SCRAM users: the broker, the operator and one per service.
  for user in BROKER ADMIN REGISTRATION ACTIVATION CERTIFICATE SIGNING; do
    grep -q "^TEKEN_KAFKA_${user}_PASSWORD=" "$SECRETS/teken.env" \
      || (umask 077; echo "TEKEN_KAFKA_${user}_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')" >> "$SECRETS/teken.env")
  done
  # The token's PINs (SoftHSM2 on the hsmtokens volume; a hardware HSM has its own).
  grep -q '^TEKEN_PKCS11_PIN=' "$SECRETS/teken.env" || (umask 077; echo "TEKEN_PKCS11_PIN=$(head -c 18 /dev/urandom | base64 | tr -d '/+=\n')" >> "$SECRETS/teken.env")
  grep -q '^TEKEN_PKCS11_SO_PIN=' "$SECRETS/teken.env" || (umask 077; echo "TEKEN_PKCS11_SO_PIN=$(head -c 18 /dev/urandom | base64 | tr -d '/+=\n')" >> "$SECRETS/teken.env")
  grep -q '^TEKEN_CLIENT_ASSERTION_KEY=' "$SECRETS/teken.env" || (umask 077; echo "TEKEN_CLIENT_ASSERTION_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')" >> "$SECRETS/teken.env")
  set -a; source "$SECRETS/teken.env"; set +a
  export TEKEN_SECRETS_DIR="$SECRETS"
  internal_tls
  export TEKEN_INTERNAL_TLS_DIR="${TEKEN_INTERNAL_TLS_DIR:-$SECRETS/internal-tls}"
  if [[ -z "${TEKEN_TLS_CERT_FILE:-}" ]]; then
    local_tls
    export TEKEN_TLS_CERT_FILE="$SECRETS/tls/gateway.crt" TEKEN_TLS_KEY_FILE="$SECRETS/tls/gateway.key"
    TEKEN_CA_FILE="$SECRETS/tls/local-ca.crt"
  fi
}

# The key ceremony for CA keys in SoftHSM2 (TEKEN_CA_STORE=pkcs11 with SoftHSM's module), once: a token on the hsmtokens
# volume, the root made and kept in compose/.secrets/ca-offline (it stands for the offline machine and its medium: the
# root's key is never in a container that serves), the issuing key made inside the token, its request signed by the
# root, the certificate imported beside it, and the root's CRL put where certificate-service serves it. With a hardware
# HSM the operator runs these steps (docs/operations.md, Key ceremony).
ceremony() {
  [[ "${TEKEN_CA_STORE:-file}" == pkcs11 && "${TEKEN_PKCS11_LIBRARY:-/usr/lib/softhsm/libsofthsm2.so}" == */libsofthsm2.so ]] || return 0
  local offline="$SECRETS/ca-offline"
  mkdir -p "$offline"; chmod 700 "$offline"
  [[ -s "$offline/.root-password" ]] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$offline/.root-password")
  chown -R 1001:1001 "$offline" 2>/dev/null || chmod 777 "$offline"
  say "key ceremony (once): SoftHSM2 token, offline root in $offline, issuing key in the token"
  compose run --rm --no-deps -T -v "$offline:/offline" -e TEKEN_PKCS11_SO_PIN="$TEKEN_PKCS11_SO_PIN" \
    -e TEKEN_ROOT_PASSWORD="$(cat "$offline/.root-password")" --entrypoint sh certificate-service -c '
      set -e
      if [ -s /var/lib/teken/ca/root.crl ]; then echo "the token holds the CA already"; teken-ca status; exit 0; fi
      softhsm2-util --show-slots 2>/dev/null | grep -q "Label: *teken-ca " \
        || softhsm2-util --init-token --free --label teken-ca --so-pin "$TEKEN_PKCS11_SO_PIN" --pin "$TEKEN_PKCS11_PIN" >/dev/null
      [ -s /offline/root.p12 ] || teken-ca root --dir /offline
      teken-ca issuing-csr --out /offline/issuing.csr
      teken-ca sign-issuing --dir /offline --csr /offline/issuing.csr --out /offline/issuing.crt
      teken-ca import-issuing --cert /offline/issuing.crt --root /offline/root.crt
      cp /offline/root.crl /var/lib/teken/ca/root.crl
      teken-ca status' 2>&1 | grep -v "^Creating\|^Starting\|WARN" | sed 's/^/  /'
  local rc="${PIPESTATUS[0]}"
  # `run` made the network without the stack's address plan: `up` makes it again (the volumes stay).
  compose down --remove-orphans >/dev/null 2>&1 || true
  return "$rc"
}

# The internal CA and a certificate for each service's name on the compose network (made once; its key is not kept).
internal_tls() {
  local dir="$SECRETS/internal-tls" s
  [[ -n "${TEKEN_INTERNAL_TLS_DIR:-}" ]] && return 0   # the operator's own
  mkdir -p "$dir"
  if [[ ! -s "$dir/signing-service.crt" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Teken internal CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$dir/internal-ca.key" -out "$dir/internal-ca.crt" 2>/dev/null
    for s in registration-service activation-service certificate-service signing-service; do
      openssl req -newkey rsa:2048 -nodes -subj "/CN=$s" -keyout "$dir/$s.key" -out "$dir/$s.csr" 2>/dev/null
      printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' "$s" > "$dir/$s.ext"
      openssl x509 -req -in "$dir/$s.csr" -CA "$dir/internal-ca.crt" -CAkey "$dir/internal-ca.key" -CAcreateserial -days 825 \
        -extfile "$dir/$s.ext" -out "$dir/$s.crt" 2>/dev/null
      rm -f "$dir/$s.csr" "$dir/$s.ext"
    done
    rm -f "$dir/internal-ca.key"
  fi
  chmod 644 "$dir"/*.crt; chmod 640 "$dir"/*.key
  chgrp 1001 "$dir"/*.key 2>/dev/null || chmod 644 "$dir"/*.key
}

# A local CA and a certificate for localhost it signs (the demo, and trying the production stack on one machine).
local_tls() {
  local dir="$SECRETS/tls"
  mkdir -p "$dir"
  if [[ ! -s "$dir/gateway.crt" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Teken compose local CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$dir/local-ca.key" -out "$dir/local-ca.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$dir/gateway.key" -out "$dir/gateway.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' > "$dir/gateway.ext"
    openssl x509 -req -in "$dir/gateway.csr" -CA "$dir/local-ca.crt" -CAkey "$dir/local-ca.key" -CAcreateserial -days 825 \
      -extfile "$dir/gateway.ext" -out "$dir/gateway.crt" 2>/dev/null
    rm -f "$dir/gateway.csr" "$dir/gateway.ext" "$dir/local-ca.key"   # the local CA signs this one certificate only
  fi
  # Readable by the gateway's user inside the container (uid 1001), nobody else on this machine.
  chmod 644 "$dir/gateway.crt" "$dir/local-ca.crt"; chmod 640 "$dir/gateway.key"
  chgrp 1001 "$dir/gateway.key" 2>/dev/null || chmod 644 "$dir/gateway.key"
}

gateway_curl() { curl ${TEKEN_CA_FILE:+--cacert "$TEKEN_CA_FILE"} "$@"; }

build() {
  local missing=0
  for s in registration-service activation-service certificate-service signing-service api-gateway; do
    [[ -f "$s/target/quarkus-app/quarkus-run.jar" ]] || missing=1
  done
  if (( missing )); then say "building the jars"; ./mvnw -B -q -DskipTests package; fi
}

wait_ready() {
  local deadline=$(( $(date +%s) + ${1:-300} ))
  until gateway_curl -fsS "https://localhost:$TEKEN_HTTPS_PORT/openapi" >/dev/null 2>&1 \
      && gateway_curl -fsS "https://localhost:$TEKEN_HTTPS_PORT/pki/ca" >/dev/null 2>&1 \
      && { (( DEMO == 0 )) || curl -fsS -o /dev/null "http://localhost:$TEKEN_MAIL_API_PORT/api/service/readiness" 2>/dev/null; }; do
    (( $(date +%s) < deadline )) || { say "not ready in ${1:-300} s"; compose ps 2>&1 || true; return 1; }
    sleep 3
  done
}

up() {
  build; secrets
  local t0; t0=$(date +%s)
  # The image builds' output goes to a file (it buries what matters); its end is shown when a build fails.
  local build_log="$ROOT/.teken/compose-build.log"
  mkdir -p "$ROOT/.teken"
  say "building the images (output: $build_log)"
  if ! compose build >"$build_log" 2>&1; then
    say "image build failed; its last lines:"; tail -40 "$build_log"; return 1
  fi
  say "images built after $(( $(date +%s) - t0 )) s"
  ceremony || { say "the key ceremony failed"; return 1; }
  say "starting the containers"
  compose up -d || return 1
  wait_ready 600 || return 1

  say "ready after $(( $(date +%s) - t0 )) s: gateway https://localhost:$TEKEN_HTTPS_PORT${TEKEN_CA_FILE:+ (trust $TEKEN_CA_FILE)}$( (( DEMO )) && echo ", mail API http://localhost:$TEKEN_MAIL_API_PORT")"
}

# Each service's database role opens its own database and no other (and is no superuser).
roles() {
  local own other
  own=$(compose exec -T -e PGPASSWORD="$TEKEN_REGISTRATION_DB_PASSWORD" postgres \
    psql -h 127.0.0.1 -U registration -d registration -tAc "SELECT rolsuper FROM pg_roles WHERE rolname = current_user" 2>&1) || true
  other=$(compose exec -T -e PGPASSWORD="$TEKEN_REGISTRATION_DB_PASSWORD" postgres \
    psql -h 127.0.0.1 -U registration -d certificate -tAc "SELECT 1" 2>&1) || true
  if [[ "$(echo "$own" | tr -d '[:space:]')" == f && "$other" == *"permission denied for database"* ]]; then
    say "database roles: registration opens its own database (no superuser) and not certificate's: ok"
  else
    say "database roles NOT isolated: own='$own' other='$other'"
    return 1
  fi
}

# Kafka's grants: activation-service's credentials cannot write a certificate event, a stranger cannot log in, and
# activation-service may write the dead letters of what it consumes.
kafka_acls() {
  local forged stranger own
  produce() { # user password topic
    compose exec -T kafka bash -c "printf '%s\n' 'security.protocol=SASL_PLAINTEXT' 'sasl.mechanism=SCRAM-SHA-512' \
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$1\" password=\"$2\";' > /tmp/probe.properties
      echo acl-probe | timeout 60 /opt/kafka/bin/kafka-console-producer.sh --bootstrap-server 127.0.0.1:9092 --topic $3 \
        --producer.config /tmp/probe.properties --producer-property max.block.ms=8000 --producer-property delivery.timeout.ms=8000 --producer-property request.timeout.ms=5000 2>&1; rm -f /tmp/probe.properties" 2>&1 || true
  }
  forged=$(produce activation-service "$TEKEN_KAFKA_ACTIVATION_PASSWORD" teken.certificate.issued.v1)
  stranger=$(produce intruder guessed teken.activation.completed.v1)
  own=$(produce activation-service "$TEKEN_KAFKA_ACTIVATION_PASSWORD" teken.registration.submitted.v1.dlq)
  if [[ "$forged" == *TopicAuthorizationException* && "$stranger" == *SaslAuthenticationException* && "$own" != *Exception* ]]; then
    say "kafka ACLs: activation cannot write teken.certificate.*, a stranger cannot log in, activation writes its dead letters: ok"
  else
    say "kafka ACLs NOT as granted: forged='$(tail -2 <<<"$forged")' stranger='$(tail -2 <<<"$stranger")' own='$(tail -2 <<<"$own")'"
    return 1
  fi
}

down() {
  secrets
  compose down -v --remove-orphans
}

case "$MODE" in
  up|demo-up) up ;;
  down) down ;;
  demo)
    T0=$(date +%s)
    rc=0
    if ! up; then
      # What each part said before giving up, then the containers go (a failed start leaves nothing running).
      for s in postgres kafka mail registration-service activation-service certificate-service signing-service api-gateway; do
        say "last lines of $s:"; compose logs --tail=25 "$s" 2>&1 | tail -25 || true
      done
      if (( KEEP == 0 )); then say "tearing down"; down >/dev/null 2>&1 || true; fi
      say "compose demo finished with exit 1 in $(( $(date +%s) - T0 )) s (the stack did not start)"
      exit 1
    fi
    roles || rc=$?
    kafka_acls || rc=$?
    if compose exec -T signing-service curl -fsS -o /dev/null --max-time 5 http://certificate-service:8083/pki/ca 2>/dev/null; then
      say "certificate-service answered plain HTTP inside"; rc=1
    elif ! compose exec -T signing-service curl -fsS -o /dev/null --max-time 5 --cacert /run/secrets/internal-ca.crt \
        https://certificate-service:8083/pki/ca 2>/dev/null; then
      say "certificate-service did not answer HTTPS inside"; rc=1
    else
      say "inside: HTTPS only between the services (plain HTTP refused): ok"
    fi
    if [[ "${TEKEN_CA_STORE:-file}" == pkcs11 ]]; then
      # The CA signs from the token: its keys are listed there, no key-store file exists, and the root's key is not here.
      token=$(compose exec -T certificate-service teken-ca status 2>&1) || true
      files=$(compose exec -T certificate-service sh -c 'ls -A /var/lib/teken/ca' 2>&1) || true
      if [[ "$token" == *"issuing: private key"* && "$token" == *"master: secret key"* && "$files" != *.p12* ]] \
          && compose logs certificate-service 2>&1 | grep -q "keys in the PKCS#11 token, root offline"; then
        say "CA: issuing, OCSP, TSA and master keys in the PKCS#11 token (SoftHSM2), no key-store file, root offline: ok"
      else
        say "CA keys NOT in the token: status='$token' files='$files'"; rc=1
      fi
    fi
    if curl -fsS -o /dev/null --max-time 5 "http://localhost:$TEKEN_HTTPS_PORT/pki/ca" 2>/dev/null; then
      say "the gateway answered plain HTTP"; rc=1
    else
      say "gateway: HTTPS only (plain HTTP refused): ok"
    fi
    TEKEN_URL="https://localhost:$TEKEN_HTTPS_PORT" TEKEN_CA_FILE="${TEKEN_CA_FILE:-}" TEKEN_MAIL_API="http://localhost:$TEKEN_MAIL_API_PORT" \
      TEKEN_DEMO_OUT="$ROOT/.teken/compose-demo" bash "$ROOT/demo/demo.sh" || rc=$?
    if (( rc != 0 )); then
      for s in registration-service activation-service certificate-service signing-service api-gateway; do
        say "last lines of $s:"; compose logs --tail=15 "$s" 2>&1 | tail -15 || true
      done
    fi
    if (( KEEP == 0 )); then say "tearing down"; down >/dev/null 2>&1 || true; fi
    say "compose demo finished with exit $rc in $(( $(date +%s) - T0 )) s"
    exit "$rc"
    ;;
  *) echo "usage: compose/teken-compose.sh [up|demo|demo-up|down] [--keep]" >&2; exit 2 ;;
esac
