#!/usr/bin/env bash
# Copies the screenshots the README shows from the last end-to-end run
# (scripts/e2e.sh writes them to test-results/e2e/screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."
from=test-results/e2e/screenshots
to=plugins/platform-adoption/docs
mkdir -p "$to"
for name in overview snowflakes progress; do
  if [ ! -f "$from/$name.png" ]; then
    echo "$from/$name.png is missing: run bash scripts/e2e.sh first" >&2
    exit 1
  fi
  cp "$from/$name.png" "$to/$name.png"
done
echo "updated: $(ls "$to" | tr '\n' ' ')"
