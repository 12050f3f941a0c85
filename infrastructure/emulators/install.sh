#!/usr/bin/env bash
# Installs the npm wire-protocol emulators (dynalite for DynamoDB, aws-ses-v2-local for SES v2,
# cognito-local for Cognito user pools, s3rver for S3)
# exactly as pinned in package-lock.json. Idempotent: skipped when node_modules was installed from
# the current lock file. Called by the local-aws Maven module (generate-resources) and by LocalAws.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "infrastructure/emulators/install.sh: '$tool' is not on PATH." >&2
    echo "The local AWS emulators need Node.js 18+ and npm (Debian: apt-get install nodejs npm)." >&2
    exit 1
  fi
done

if [[ ! -f package-lock.json ]]; then
  echo "infrastructure/emulators/install.sh: package-lock.json is missing in $here" >&2
  exit 1
fi

stamp="node_modules/.lock-sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" \
      && -f node_modules/dynalite/cli.js && -f node_modules/aws-ses-v2-local/dist/cli.js \
      && -f node_modules/cognito-local/lib/bin/start.js && -f node_modules/s3rver/bin/s3rver.js ]]; then
  exit 0
fi

# Serialise concurrent installs (parallel Maven builds, several test JVMs).
exec 9>"$here/.install.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    exit 0
  fi
fi

echo "Installing local AWS emulators (npm ci) in $here"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
