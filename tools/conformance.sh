#!/usr/bin/env bash
# Runs the shared TLC conformance suite against the embedded checker.
# Usage: npm run conformance [-- --tier N | --filter STR]
# Every tier is required to pass: 1 core safety, 2 advanced features, 3 liveness, 4 errors.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runner="$here/../shared/conformance/run"
if [ ! -x "$runner" ] && [ ! -f "$runner" ]; then
  echo "conformance: $runner not found (the shared folder is not beside this checkout); skipped"
  exit 0
fi
cli=(node "$here/dist/cli.js" check --json)
if [ "$#" -gt 0 ]; then
  exec bash "$runner" "$@" -- "${cli[@]}"
fi
status=0
for tier in 1 2 3 4; do
  bash "$runner" --tier "$tier" -- "${cli[@]}" || status=1
done
exit $status
