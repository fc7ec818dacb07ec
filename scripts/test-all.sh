#!/usr/bin/env bash
# The whole test suite, as CI runs it: unit, integration on PGlite and on PostgreSQL, browser tests.
# Needs PostgreSQL on 127.0.0.1:5432 (database `test`, user postgres) and Chromium at /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "== type check"
npx tsc --noEmit -p .

echo "== unit and integration tests"
npx vitest run

echo "== browser tests"
npx playwright test
