#!/usr/bin/env bash
# The whole Teken journey on a running stack, as people would walk it, through the gateway only:
# Lupa Password mail -> login -> NIK check -> registration -> activation mail and steps -> verifier approval ->
# passphrase mail -> ISSUE -> sign a two-page PDF visibly with a QR code at the "#" marker -> verify it ->
# an integrator signs through BSrE's /api/sign/pdf with Basic credentials -> passphrase reset -> old serial revoked.
# Prints each step; stops with a non-zero exit at the first failure.
#
#   TEKEN_URL       gateway (default http://localhost:8080)
#   TEKEN_CA_FILE   the CA certificate to trust for an https:// TEKEN_URL (e.g. .teken/tls/local-ca.crt)
#   TEKEN_MAIL_API  GreenMail REST API (default http://localhost:18025)
#   TEKEN_DEMO_NIP  the ASN to walk (default: the first demo ASN who is still NOT_REGISTERED)
#   TEKEN_DEMO_OUT  where signed PDFs are written (default .teken/demo)
#   TEKEN_DEMO_WAIT seconds to wait for a mail or a status change (default 60)
#   TEKEN_DEMO_HOOK a command run with a stage name and the walked ASN's Email Dinas at fixed points
#                   (before-registration, after-registration, before-approval, before-signing); the end-to-end test uses
#                   it to kill services, stop Kafka, the mail server or PostgreSQL mid-journey
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
G="${TEKEN_URL:-http://localhost:8080}"
MAIL="${TEKEN_MAIL_API:-http://localhost:18025}"
TLS=()
[[ -n "${TEKEN_CA_FILE:-}" ]] && TLS=(--cacert "$TEKEN_CA_FILE")
OUT="${TEKEN_DEMO_OUT:-$HERE/../.teken/demo}"
mkdir -p "$OUT"
VERIFIER=197812012005041003   # Agus Prasetyo, Verifikator TTE in the demo data
ADMIN=198802292012052004      # Rina Wulandari, ADMIN in the demo data
PASSWORD='Kebun-Teh.Lawu#4821'
PASSPHRASE='Gunung#Wilis-4821'
NEW_PASSPHRASE='Telaga#Sarangan-77'
STEP=0
START=$(date +%s)

WAIT="${TEKEN_DEMO_WAIT:-60}"
hook() { if [[ -n "${TEKEN_DEMO_HOOK:-}" ]]; then "$TEKEN_DEMO_HOOK" "$1" "${DINAS:-}" || fail "hook $1 failed"; fi; }
step() { STEP=$((STEP + 1)); printf '\n[%02d] %s\n' "$STEP" "$*"; }
ok() { printf '     ok: %s\n' "$*"; }
fail() { printf '\nDEMO FAILED at step %d: %s\n' "$STEP" "$*" >&2; exit 1; }
json() { python3 -c 'import json,sys
d=json.load(sys.stdin)
for k in sys.argv[1].split("."):
    d = d[int(k)] if isinstance(d, list) else d.get(k) if d is not None else None
print("" if d is None else d)' "$1"; }

# call METHOD PATH [curl args...] -> body in $BODY, status in $CODE
call() {
  local method="$1" path="$2"; shift 2
  local tmp; tmp="$(mktemp)"
  CODE=$(curl "${TLS[@]}" -sS -o "$tmp" -w '%{http_code}' -X "$method" "$G$path" "$@") || fail "$method $path: gateway not reachable at $G"
  BODY="$(tr -d '\0' < "$tmp")"; rm -f "$tmp"
}
expect() { [[ "$CODE" == "$1" ]] || fail "expected HTTP $1, got $CODE: $BODY"; }

csv_field() { python3 - "$HERE/pegawai-demo.csv" "$1" "$2" <<'EOF'
import csv, sys
for row in csv.DictReader(open(sys.argv[1])):
    if row["nip"] == sys.argv[2]:
        print(row[sys.argv[3]]); break
EOF
}

mail_ids() {  # the Message-IDs in an inbox, comma-separated
  curl -sS "$MAIL/api/user/$1/messages/INBOX" | python3 -c 'import json,sys
try: print(",".join(m.get("Message-ID", "") for m in json.load(sys.stdin) if isinstance(m, dict)))
except Exception: print("")'
}

# await_link ADDRESS IDS_BEFORE PATH_FRAGMENT -> the token after the fragment in a mail that was not there before
await_link() {
  local address="$1" seen="$2" fragment="$3" deadline=$(( $(date +%s) + WAIT )) token=""
  while (( $(date +%s) < deadline )); do
    token="$(curl -sS "$MAIL/api/user/$address/messages/INBOX" | python3 -c '
import json, sys, re, email
seen = set(sys.argv[2].split(","))
try:
    msgs = json.load(sys.stdin)
except Exception:
    msgs = []
if not isinstance(msgs, list):
    msgs = []
for m in reversed(msgs):
    if m.get("Message-ID", "") in seen:
        continue
    msg = email.message_from_string(m["mimeMessage"])
    text = ""
    for part in (msg.walk() if msg.is_multipart() else [msg]):
        payload = part.get_payload(decode=True)
        if payload:
            text += payload.decode("utf-8", "replace")
    found = re.search(re.escape(sys.argv[1]) + r"([A-Za-z0-9_-]{20,})", text)
    if found:
        print(found.group(1))
        break' "$fragment" "$seen")"
    [[ -n "$token" ]] && { echo "$token"; return; }
    sleep 1
  done
  fail "no new mail with a $fragment link for $address within $WAIT s"
}

login() {  # login NIP -> prints the access token (sets the password through the Lupa Password mail when needed)
  local nip="$1" email; email="$(csv_field "$nip" email_siasn)"
  call POST /api/v1/auth/login -H 'Content-Type: application/json' -d "{\"nip\":\"$nip\",\"password\":\"$PASSWORD\"}"
  if [[ "$CODE" == 200 ]]; then echo "$BODY" | json accessToken; return; fi
  local before; before="$(mail_ids "$email")"
  call POST /api/v1/auth/password-reset -H 'Content-Type: application/json' -d "{\"nip\":\"$nip\"}"
  expect 202
  local token; token="$(await_link "$email" "$before" "/lupa-password/")"
  [[ -n "$token" ]] || fail "the Lupa Password mail holds no link"
  call POST "/api/v1/auth/password-reset/$token" -H 'Content-Type: application/json' -d "{\"newPassword\":\"$PASSWORD\"}"
  [[ "$CODE" == 200 || "$CODE" == 204 ]] || fail "setting the password: HTTP $CODE $BODY"
  call POST /api/v1/auth/login -H 'Content-Type: application/json' -d "{\"nip\":\"$nip\",\"password\":\"$PASSWORD\"}"
  expect 200
  echo "$BODY" | json accessToken
}

status_of() { call GET /api/v1/me/certificate -H "Authorization: Bearer $1"; expect 200; echo "$BODY" | json status; }

await_status() {  # await_status TOKEN STATUS
  local deadline=$(( $(date +%s) + WAIT )) s=""
  while (( $(date +%s) < deadline )); do
    s="$(status_of "$1")"
    [[ "$s" == "$2" ]] && return 0
    sleep 1
  done
  fail "status stayed $s, expected $2"
}

command -v python3 >/dev/null || { echo "python3 is needed by the demo" >&2; exit 1; }
call GET /openapi; [[ "$CODE" == 200 ]] || fail "the gateway at $G is not ready (HTTP $CODE); run ./teken up first"

# ---------------------------------------------------------------------------------------------------------------
step "Pick an ASN from the demo data who has no certificate yet"
NIP="${TEKEN_DEMO_NIP:-}"
if [[ -z "$NIP" ]]; then
  for candidate in 198503152010011001 199007222015032002 199511052022022001 199304182023031007; do
    # (a person whose Lupa Password mails ran out this hour is passed over)
    if T="$(login "$candidate" 2>/dev/null)" && [[ "$(status_of "$T")" == NOT_REGISTERED ]]; then NIP="$candidate"; break; fi
    echo "     $candidate passed over (has a certificate, or no Lupa Password mail left this hour)"
  done
  [[ -n "$NIP" ]] || fail "every demo ASN already has a certificate; start from empty data (./teken down; rm -rf .teken) or set TEKEN_DEMO_NIP"
else
  T="$(login "$NIP")"
fi
NAMA="$(csv_field "$NIP" nama)"; NIK="$(csv_field "$NIP" nik)"; SIASN="$(csv_field "$NIP" email_siasn)"
DINAS="$(echo "$NAMA" | tr 'A-Z ' 'a-z.').$(date +%s)@ponorogo.go.id"
ok "$NAMA (NIP $NIP), Email Dinas $DINAS"

step "Lupa Password by mail (first time), then log in with NIP and password"
ok "signed in as $NIP; dashboard status $(status_of "$T")"

step "Verifikasi NIK and Registrasi Sertifikat"
call POST /api/v1/me/certificate/nik-verification -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d "{\"nik\":\"$NIK\"}"
expect 200
BEFORE="$(mail_ids "$DINAS")"
hook before-registration
call POST /api/v1/me/certificate/registration -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
  -d "{\"nik\":\"$NIK\",\"emailSiasn\":\"$SIASN\",\"emailDinas\":\"$DINAS\"}"
expect 201
ok "registered: $(echo "$BODY" | json status)"
hook after-registration

step "Activation mail to the Email Dinas, then identity, employment, selfie and consent"
ACT="$(await_link "$DINAS" "$BEFORE" "/aktivasi/")"
[[ -n "$ACT" ]] || fail "activation mail without link"
call GET "/api/v1/activations/$ACT"; expect 200
call PUT "/api/v1/activations/$ACT/identity" -H 'Content-Type: application/json' \
  -d "{\"namaLengkap\":\"$NAMA\",\"nik\":\"$NIK\",\"nomorTelepon\":\"081234567890\"}"; expect 200
call PUT "/api/v1/activations/$ACT/employment" -H 'Content-Type: application/json' -d "{\"kategori\":\"ASN_POLRI\",\"nipNrp\":\"$NIP\"}"
expect 200
call PUT "/api/v1/activations/$ACT/selfie" -H 'Content-Type: image/jpeg' --data-binary "@$HERE/selfie-demo.jpg"; expect 200
call POST "/api/v1/activations/$ACT/submit" -H 'Content-Type: application/json' -d '{"setujuKebijakanPrivasi":true,"setujuPerjanjianPemilik":true}'
expect 200
ok "submitted: $(echo "$BODY" | json status)"

step "Verifikator TTE approves the activation"
V="$(login "$VERIFIER")"
call GET "/api/v1/verifier/activations?nip=$NIP" -H "Authorization: Bearer $V"; expect 200
AID="$(echo "$BODY" | json 0.id)"
[[ -n "$AID" ]] || fail "the activation is not in the review queue"
BEFORE="$(mail_ids "$DINAS")"
hook before-approval
call POST "/api/v1/verifier/activations/$AID/approve" -H "Authorization: Bearer $V"; expect 200
await_status "$T" NO_CERTIFICATE
ok "approved; dashboard NO_CERTIFICATE"

step "Passphrase mail, passphrase set, certificate issued"
PL="$(await_link "$DINAS" "$BEFORE" "/passphrase/")"
[[ -n "$PL" ]] || fail "no set-passphrase mail"
call POST "/api/v1/passphrase-links/$PL" -H 'Content-Type: application/json' -d "{\"passphrase\":\"$PASSPHRASE\",\"setujuPerjanjianPemilik\":true}"
[[ "$CODE" == 200 || "$CODE" == 201 ]] || fail "setting the passphrase: HTTP $CODE $BODY"
await_status "$T" ISSUE
call GET /api/v1/me/certificate -H "Authorization: Bearer $T"
SERIAL="$(echo "$BODY" | json serialNumber)"
ok "ISSUE, serial $SERIAL, valid $(echo "$BODY" | json validFrom) .. $(echo "$BODY" | json validTo)"

step "Sign a two-page letter visibly: QR code at the '#' marker, footer, B-LT"
hook before-signing
SIGNED="$OUT/surat-demo_signed.pdf"
HDRS="$(mktemp)"
CODE=$(curl "${TLS[@]}" -sS -o "$SIGNED" -D "$HDRS" -w '%{http_code}' -X POST "$G/api/v1/signatures" -H "Authorization: Bearer $T" \
  -F "file=@$HERE/surat-demo.pdf;type=application/pdf" -F "passphrase=$PASSPHRASE" -F tampilan=visible -F 'tag_koordinat=#' -F width=210 -F height=60 \
  -F 'footer=Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan Teken Pemkab Ponorogo.')
[[ "$CODE" == 200 ]] || fail "signing: HTTP $CODE $(cat "$SIGNED")"
DOC="$(grep -i '^x-document-id:' "$HDRS" | tr -d '\r' | awk '{print $2}')"
ok "signed: $SIGNED ($(wc -c < "$SIGNED") bytes), document $DOC, level $(grep -i '^x-signature-level:' "$HDRS" | tr -d '\r' | awk '{print $2}')"
if command -v pdfsig >/dev/null; then
  pdfsig "$SIGNED" | grep -q "Signature is Valid" || fail "pdfsig does not call the signature valid"
  ok "pdfsig: $(pdfsig "$SIGNED" | grep -m1 'Signature Validation')"
fi

step "Verify the signed PDF and open the QR code's page data"
call POST /api/v1/verifications -F "file=@$SIGNED;type=application/pdf"; expect 200
[[ "$(echo "$BODY" | json conclusion)" == VALID ]] || fail "verification: $BODY"
ok "$(echo "$BODY" | json summary) (level $(echo "$BODY" | json signatures.0.padesLevel))"
call GET "/verify/$DOC"; expect 200
ok "/verify/$DOC: signed by $(echo "$BODY" | json signerName) at $(echo "$BODY" | json signedAt)"

step "An integrator signs through BSrE's /api/sign/pdf with Basic credentials"
A="$(login "$ADMIN")"
call POST /api/v1/admin/clients -H "Authorization: Bearer $A" -H 'Content-Type: application/json' \
  -d "{\"username\":\"demo-surat-$(date +%s)\",\"description\":\"Aplikasi persuratan (demo)\",\"allowedIps\":[\"0.0.0.0/0\",\"::/0\"],\"scope\":{\"signers\":[\"$NIP\"]}}"
expect 201
CUSER="$(echo "$BODY" | json username)"; CSECRET="$(echo "$BODY" | json secret)"
BSRE="$OUT/surat-demo_bsre.pdf"
CODE=$(curl "${TLS[@]}" -sS -o "$BSRE" -D "$HDRS" -w '%{http_code}' -u "$CUSER:$CSECRET" -X POST "$G/api/sign/pdf" \
  -F "file=@$HERE/surat-demo.pdf;type=application/pdf" -F "nik=$NIK" -F "passphrase=$PASSPHRASE" -F tampilan=invisible)
[[ "$CODE" == 200 ]] || fail "/api/sign/pdf: HTTP $CODE $(cat "$BSRE")"
IDDOK="$(grep -i '^id_dokumen:' "$HDRS" | tr -d '\r' | awk '{print $2}')"
ok "signed by client $CUSER, id_dokumen $IDDOK"
call GET "/api/sign/download/$IDDOK" -u "$CUSER:$CSECRET"; expect 200
call GET "/api/sign/download/$IDDOK" -u "$CUSER:$CSECRET"; expect 404
ok "second download: $BODY"
call POST /api/sign/pdf -u "$CUSER:$CSECRET" -F "file=@$HERE/surat-demo.pdf;type=application/pdf" -F "nik=$NIK" -F "passphrase=Salah#Sekali9"
expect 400
ok "wrong passphrase: $BODY"
call GET "/api/user/status/$NIK" -u "$CUSER:$CSECRET"; expect 200
ok "user status: $BODY"

step "Reset the passphrase by mail; the old certificate is revoked (superseded)"
BEFORE="$(mail_ids "$DINAS")"
call POST /api/v1/me/certificate/passphrase-reset -H "Authorization: Bearer $T"
[[ "$CODE" == 200 || "$CODE" == 202 ]] || fail "passphrase reset: HTTP $CODE $BODY"
RL="$(await_link "$DINAS" "$BEFORE" "/passphrase/")"
call POST "/api/v1/passphrase-links/$RL" -H 'Content-Type: application/json' -d "{\"passphrase\":\"$NEW_PASSPHRASE\",\"setujuPerjanjianPemilik\":true}"
[[ "$CODE" == 200 || "$CODE" == 201 ]] || fail "new passphrase: HTTP $CODE $BODY"
deadline=$(( $(date +%s) + WAIT ))
while :; do
  call GET /api/v1/me/certificate -H "Authorization: Bearer $T"
  NEWSERIAL="$(echo "$BODY" | json serialNumber)"
  [[ "$(echo "$BODY" | json status)" == ISSUE && -n "$NEWSERIAL" && "$NEWSERIAL" != "$SERIAL" ]] && break
  (( $(date +%s) < deadline )) || fail "no new certificate after the reset: $BODY"
  sleep 1
done
ok "new serial $NEWSERIAL"
if command -v openssl >/dev/null; then
  curl "${TLS[@]}" -sS "$G/pki/crl" -o "$OUT/teken.crl"
  openssl crl -inform DER -in "$OUT/teken.crl" -noout -text 2>/dev/null | tr -d ' :' | grep -qi "$(echo "$SERIAL" | tr -d ':')" \
    || openssl crl -inform PEM -in "$OUT/teken.crl" -noout -text 2>/dev/null | tr -d ' :' | grep -qi "$(echo "$SERIAL" | tr -d ':')" \
    || fail "old serial $SERIAL not on the CRL"
  ok "old serial $SERIAL is on /pki/crl"
fi
call POST /api/v1/signatures -H "Authorization: Bearer $T" -F "file=@$HERE/surat-demo.pdf;type=application/pdf" -F "passphrase=$NEW_PASSPHRASE"
expect 200
ok "signing with the new passphrase works"

# The benchmarks (bench/) sign as this person and call as this system client.
(umask 077; printf 'NIP=%s\nNIK=%s\nDINAS=%s\nPASSWORD=%s\nPASSPHRASE=%s\nCLIENT_USER=%s\nCLIENT_SECRET=%s\n' "$NIP" "$NIK" "$DINAS" \
  "$PASSWORD" "$NEW_PASSPHRASE" "$CUSER" "$CSECRET" > "$OUT/signer.env")

printf '\nDEMO PASSED: %d steps in %d s\n' "$STEP" "$(( $(date +%s) - START ))"
