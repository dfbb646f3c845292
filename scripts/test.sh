#!/usr/bin/env bash
# The one test command: type check, lint, every package's Jest tests (SQLite,
# plus PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is
# set) and the end-to-end tests in Chromium. Ends with `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/node-env.sh
if ! use_project_node 2>/dev/null || [ ! -d node_modules ]; then
  bash scripts/setup.sh || exit 1
  use_project_node || exit 1
fi
export CI="${CI:-true}" # backstage-cli test would otherwise enter watch mode
results=test-results
rm -rf "$results" && mkdir -p "$results"
# where the reliability tests record what they tried (summed up at the end)
export PLATFORM_ADOPTION_RELIABILITY_DIR="$PWD/$results/reliability"

passed=0
failed=0
skipped=0
check() { # a named whole-repository check counts as one test
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAILED: $name" >&2
    failed=$((failed + 1))
  fi
}

check "tsc" npx tsc --noEmit false --incremental false --outDir dist-types
check "lint" npx backstage-cli repo lint
check "catalog-info.yaml validates" node scripts/validate-catalog-info.mjs catalog-info.yaml
check "snowflake evaluation meets its targets (npm run eval)" npm run --silent eval

echo "== unit and integration tests (jest)"
if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  echo "   databases: SQLite and PostgreSQL 15"
else
  echo "   databases: SQLite only (set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING for PostgreSQL)"
fi
npx backstage-cli repo test --ci --json --outputFile="$results/jest.json" 2>&1 | tee "$results/jest.log"
read -r jp jf < <(node scripts/lib/count-results.mjs jest "$results/jest.json")
passed=$((passed + jp))
failed=$((failed + jf))

echo "== end-to-end tests (Chromium)"
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  bash scripts/e2e.sh 2>&1 | tee "$results/e2e.log"
  read -r ep ef < <(node scripts/lib/count-results.mjs playwright "$results/e2e/results.json")
  passed=$((passed + ep))
  failed=$((failed + ef))
elif [ "${PLATFORM_ADOPTION_REQUIRE_E2E:-}" = "1" ]; then
  echo "Chromium is not installed; install it with: apt-get install -y chromium" >&2
  failed=$((failed + 1))
else
  echo "   skipped: Chromium is not installed (apt-get install -y chromium)"
  skipped=$((skipped + 1))
fi

echo
node scripts/lib/reliability-summary.mjs "$PLATFORM_ADOPTION_RELIABILITY_DIR"
echo
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
