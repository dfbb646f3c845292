#!/usr/bin/env bash
# Builds the frontend, starts the backend serving it on :7007 with the demo
# catalog, runs the Playwright tests in the system Chromium, and stops the
# backend whatever happens.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/node-env.sh
use_project_node || exit 1
out=test-results/e2e
mkdir -p "$out"

echo "building the frontend"
(cd packages/app && npx backstage-cli package build) > "$out/app-build.log" 2>&1 || {
  tail -40 "$out/app-build.log"
  exit 1
}

echo "starting the backend"
# Not `backstage-cli package start`: its watcher restarts the backend
# whenever a source file changes, which a test run must not depend on.
(
  cd packages/backend &&
    NODE_ENV=development exec setsid node --require @backstage/cli/config/nodeTransform.cjs src/index.ts \
      --config ../../app-config.yaml --config ../../app-config.e2e.yaml
) > "$out/backend.log" 2>&1 &
backend=$!
stop_backend() { kill -- "-$backend" 2>/dev/null || kill "$backend" 2>/dev/null; wait "$backend" 2>/dev/null; }
trap stop_backend EXIT

node scripts/lib/wait-for-backend.mjs http://localhost:7007 || {
  tail -60 "$out/backend.log"
  exit 1
}
npx playwright test "$@"
