#!/usr/bin/env bash
# Kill `csp-assessment import` and `export` with SIGKILL at random moments, many times:
# after each kill the assessment file must open, pass SQLite's integrity check and hold all
# of the batch or none of it, and the export folder must hold no partial file.
# Usage: scripts/crash-trials.sh [IMPORT_TRIALS [EXPORT_TRIALS]]
#   defaults 200 and 50 (an export run is ~10 s in a debug build); the normal run does 20.
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-200}"
export_trials="${2:-50}"
echo "crash trials: $trials kills of import, $export_trials of export"
CRASH_TRIALS="$trials" CRASH_EXPORT_TRIALS="$export_trials" cargo test --test import crash:: -- --nocapture --test-threads 1 2>&1 \
  | grep -E "crash trials|^test |test result"
