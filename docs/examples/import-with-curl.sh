#!/usr/bin/env bash
# An import end to end with nothing but curl, jq and an API token (README, "Importing with the API"):
# upload → preview → commit → undo, reading the import's JSON at every step.
#   RITIKO_URL=http://localhost:3000 RITIKO_TOKEN=rtk_… ./import-with-curl.sh patients.csv core.patients
# Prints one line per step; exits non-zero, with the API's error message, when a step is refused.
set -euo pipefail
file=${1:?usage: import-with-curl.sh FILE RESOURCE}
resource=${2:?usage: import-with-curl.sh FILE RESOURCE}
api="${RITIKO_URL:-http://localhost:3000}/api/v1/imports"
auth=(-H "Authorization: Bearer ${RITIKO_TOKEN:?set RITIKO_TOKEN to an API token}")

# curl wrapper: the body on success; the API's error message on stderr and exit 1 otherwise.
call() {
  local out status
  out=$(curl -sS -w '\n%{http_code}' "${auth[@]}" "$@")
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  if [ "$status" -ge 400 ]; then
    echo "HTTP $status: $(jq -r '.error.message' <<<"$out")" >&2
    exit 1
  fi
  printf '%s' "$out"
}

# Polls the import until its status is no longer the running one given; prints the import's JSON.
wait_while() {
  local id=$1 running=$2 imp
  while :; do
    imp=$(call "$api/$id")
    [ "$(jq -r .status <<<"$imp")" != "$running" ] && { printf '%s' "$imp"; return; }
    sleep 1
  done
}

imp=$(call -X POST "$api?resource=$resource" -H "x-file-name: $(basename "$file")" --data-binary @"$file")
id=$(jq -r .id <<<"$imp")
echo "uploaded $id: $(jq -c '{headers, mapping, missingRequired}' <<<"$imp")"

call -X POST "$api/$id/preview" -H 'Content-Type: application/json' -d '{}' >/dev/null
imp=$(wait_while "$id" previewing)
echo "previewed: $(jq -c '{status, preview}' <<<"$imp")"
[ "$(jq -r .status <<<"$imp")" = previewed ] || { echo "preview failed: $(jq -r .error <<<"$imp")" >&2; exit 1; }

call -X POST "$api/$id/commit" >/dev/null
imp=$(wait_while "$id" committing)
echo "imported: $(jq -c '{status, counts}' <<<"$imp")"
if [ "$(jq '.counts.rejected' <<<"$imp")" -gt 0 ]; then
  call "$api/$id/errors.csv" >"${file%.csv}-errors.csv"
  echo "rejected rows: ${file%.csv}-errors.csv"
fi

if [ "${UNDO:-0}" = 1 ]; then
  call -X POST "$api/$id/undo" >/dev/null
  while [ "$(call "$api/$id" | jq -r .status)" != undone ]; do sleep 1; done
  echo "undone"
fi
