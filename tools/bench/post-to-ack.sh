#!/usr/bin/env bash
# Measures the time from a report's POST to its acknowledgement in the local mailbox, with curl, against a
# running ./run-local. Prints one line per report; the first one includes the functions' cold starts.
#
#   tools/bench/post-to-ack.sh [API base URL] [mailbox URL] [reports]
#   e.g. tools/bench/post-to-ack.sh http://127.0.0.1:3000 http://127.0.0.1:PORT 5   (URLs from the banner)
set -euo pipefail
api=${1:-http://127.0.0.1:3000}
mailbox=${2:?the mailbox URL the runtime printed}
reports=${3:-5}
for i in $(seq 1 "$reports"); do
  email="measure-$i-$RANDOM$RANDOM@example.com"
  start=$(date +%s%N)
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$api/v1/reports" -H 'Content-Type: application/json' \
    -d "{\"reporter\":{\"name\":\"Kim\",\"email\":\"$email\"},\"locale\":\"en\",\"service\":\"music\",
         \"category\":\"paid-subscription\",\"occurredFrom\":\"2022-10-15T15:30:00+09:00\",
         \"occurredTo\":\"2022-10-16T15:00:00+09:00\",\"description\":\"Music pass down\",\"privacyConsent\":true}")
  [[ "$status" == 202 ]] || { echo "report $i: POST answered $status" >&2; exit 1; }
  deadline=$(( $(date +%s) + 30 ))
  until curl -s "$mailbox/store" | grep -q "$email"; do
    (( $(date +%s) < deadline )) || { echo "report $i: no acknowledgement within 30 s" >&2; exit 1; }
    sleep 0.02
  done
  echo "report $i: POST to acknowledgement $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
