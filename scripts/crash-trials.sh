#!/usr/bin/env bash
# Kill `csp-assessment import` and `export` with SIGKILL at random moments, many times:
# after each kill the assessment file must open, pass SQLite's integrity check and hold all
# of the batch or none of it, and the export folder must hold no partial file.
# Usage: scripts/crash-trials.sh [TRIALS]   (default 200; the normal test run does 20)
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-200}"
echo "crash trials: $trials per test (import and export)"
CRASH_TRIALS="$trials" cargo test --test import crash:: -- --nocapture --test-threads 1 2>&1 \
  | grep -E "crash trials|^test |test result"
