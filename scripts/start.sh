#!/usr/bin/env bash
# Runs the portal for development: frontend on :3000, backend on :7007, the
# demo enterprise from examples/ on SQLite in memory.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/node-env.sh
use_project_node
exec npx backstage-cli repo start "$@"
