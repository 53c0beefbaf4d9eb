#!/usr/bin/env bash
# Teken's Kafka broker (KRaft, one node): clients log in with SASL/SCRAM-SHA-512, one user per service, and the
# standard authorizer refuses what the grants below do not allow (each service writes only its own topics, reads only
# what it consumes, in its own consumer group). The controller listener is plain TCP on the container's loopback only.
# The grants are the same as devstack's KafkaAccess (e2e ComposeFilesTest compares the two).
# Passwords: TEKEN_KAFKA_<USER>_PASSWORD (or the same name with _FILE pointing at a secret file).
set -euo pipefail

data=${KAFKA_DATA_DIR:-/var/lib/kafka/data}
conf=/tmp/teken-kafka
ready=/tmp/teken-kafka.ready
rm -f "$ready"
mkdir -p "$conf" && chmod 700 "$conf"

secret() { # VAR: the value of VAR or of the file named by VAR_FILE
  local var=$1 file_var="${1}_FILE"
  if [[ -n "${!file_var:-}" ]]; then cat "${!file_var}"; return; fi
  [[ -n "${!var:-}" ]] || { echo "Kafka: set $var (or ${var}_FILE)" >&2; exit 1; }
  printf '%s' "${!var}"
}
BROKER_PW=$(secret TEKEN_KAFKA_BROKER_PASSWORD)
ADMIN_PW=$(secret TEKEN_KAFKA_ADMIN_PASSWORD)
declare -A PW=(
  [registration-service]=$(secret TEKEN_KAFKA_REGISTRATION_PASSWORD)
  [activation-service]=$(secret TEKEN_KAFKA_ACTIVATION_PASSWORD)
  [certificate-service]=$(secret TEKEN_KAFKA_CERTIFICATE_PASSWORD)
  [signing-service]=$(secret TEKEN_KAFKA_SIGNING_PASSWORD)
)
jaas() { printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$2"; }

umask 077
cat > "$conf/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=SASL_PLAINTEXT://${KAFKA_ADVERTISED_HOST:-kafka}:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=$(jaas teken-broker "$BROKER_PW")
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:teken-broker;User:teken-admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=true
log.dirs=$data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
cat > "$conf/admin.properties" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$(jaas teken-admin "$ADMIN_PW")
PROPS

# The SCRAM users are written into the storage when it is formatted (the first start); later password changes go
# through kafka-configs.sh (docs/operations.md).
scram=(--add-scram "SCRAM-SHA-512=[name=teken-broker,password=$BROKER_PW]" --add-scram "SCRAM-SHA-512=[name=teken-admin,password=$ADMIN_PW]")
for user in "${!PW[@]}"; do scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=${PW[$user]}]"); done
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id="${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}" \
  -c "$conf/server.properties" "${scram[@]}" >/dev/null

/opt/kafka/bin/kafka-server-start.sh "$conf/server.properties" &
broker=$!
trap 'kill -TERM $broker 2>/dev/null; wait $broker' TERM INT

# The grants (kept in step with devstack's KafkaAccess): topic names are teken.<event type>.v1.
t() { printf -- '--topic teken.%s.v1 ' "$@"; }
GRANTS=(
  "registration-service|$(t registration.submitted registration.access-token-revoked)|$(t registration.access-token-revoked activation.review-requested activation.completed activation.rejected activation.expired certificate.issued certificate.revoked certificate.suspended certificate.reinstated certificate.renewal-requested certificate.expired signing.client-disabled)"
  "activation-service|$(t activation.review-requested activation.completed activation.rejected activation.expired)|$(t registration.submitted registration.access-token-revoked)"
  "certificate-service|$(t certificate.issued certificate.revoked certificate.suspended certificate.reinstated certificate.renewal-requested certificate.expired)|$(t activation.completed registration.access-token-revoked)"
  "signing-service|$(t document.signed signing.client-disabled)|$(t certificate.issued certificate.revoked certificate.suspended certificate.reinstated certificate.expired registration.access-token-revoked)"
)
grants_version=$(printf '%s\n' "${GRANTS[@]}" | sha256sum | cut -c1-16)
acls() { /opt/kafka/bin/kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --command-config "$conf/admin.properties" "$@" >/dev/null; }

if [[ "$(cat "$data/.teken-grants" 2>/dev/null || true)" != "$grants_version" ]]; then
  for i in $(seq 1 60); do
    acls --list --topic teken.probe 2>/dev/null && break
    kill -0 $broker 2>/dev/null || exit 1
    sleep 1
  done
  for grant in "${GRANTS[@]}"; do
    IFS='|' read -r user writes reads <<<"$grant"
    # shellcheck disable=SC2086
    acls --add --allow-principal "User:$user" --operation Write --operation Create $writes $(sed 's/\.v1 /.v1.dlq /g' <<<"$reads")
    # shellcheck disable=SC2086
    acls --add --allow-principal "User:$user" --operation Read --operation Create $reads
    acls --add --allow-principal "User:$user" --operation Read --group "$user"
  done
  echo "$grants_version" > "$data/.teken-grants"
  echo "Kafka: ACLs granted ($grants_version)"
fi
touch "$ready"
wait $broker
