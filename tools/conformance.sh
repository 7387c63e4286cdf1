#!/usr/bin/env bash
# Runs the shared TLC conformance suite (all five tiers) against the embedded
# checker, then holds the outcome to the ratchet in
# test/support/known-failures.json: it passes only when exactly the cases
# listed there for the runner fail. A listed case that now passes fails the
# run until its entry is removed, so the list can only shrink.
# Usage: npm run conformance [-- --tier N | --filter STR]  (a filtered run skips the ratchet)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runner="$here/../shared/conformance/run"
if [ ! -f "$runner" ]; then
  echo "conformance: $runner not found (the shared folder is not beside this checkout); skipped"
  exit 0
fi
cli=(node "$here/dist/cli.js" check --json)
if [ "$#" -gt 0 ]; then
  exec bash "$runner" "$@" -- "${cli[@]}"
fi
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
bash "$runner" -- "${cli[@]}" | tee "$out" || true
node "$here/tools/conformance-ratchet.mjs" "$here/test/support/known-failures.json" "$out"
