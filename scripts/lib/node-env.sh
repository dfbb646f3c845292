# Sourced by the scripts: puts the project's Node first on PATH when the
# machine's own Node is older than Backstage supports.
NODE_HOME="$(pwd)/.tools/node"

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

use_project_node() {
  if [ -x "$NODE_HOME/bin/node" ]; then
    export PATH="$NODE_HOME/bin:$PATH"
    # Native addons (better-sqlite3) must build against the Node that runs them.
    export npm_config_nodedir="$NODE_HOME"
  fi
  local major
  major=$(node_major)
  if [ -z "$major" ] || [ "$major" -lt 22 ]; then
    echo "Node 22 or newer is required; run: npm run setup (or bash scripts/setup.sh)" >&2
    return 1
  fi
  export TURBO_TELEMETRY_DISABLED=1
  export NEXT_TELEMETRY_DISABLED=1
}
